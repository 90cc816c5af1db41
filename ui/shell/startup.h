#pragma once
#include "db/db_target.h"

#include <memory>

class QWidget;

namespace tucai::db { class Database; }

namespace tucai::ui {

// Opens (and migrates) the database for the GUI. On failure the reason is
// shown in a message box and null returned: nothing is changed.
std::shared_ptr<db::Database> openDatabaseForGui(QWidget *parent, const db::DbTarget &target, bool create = false);

// Loads the UI language (zh_CN by default, "en" for English) with Qt's own
// translations. Returns the language used.
QString installTranslations(const QString &language = {});

} // namespace tucai::ui
