#pragma once
#include "db/db_target.h"

#include <QDialog>

#include <optional>

namespace tucai::ui {

// First start without a database: offers the demo school, the school's database server
// or a database file, as three large buttons (keys 1, 2, 3).
class WelcomeDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { None, Demo, Server, File };
    explicit WelcomeDialog(QWidget *parent = nullptr);
    Choice choice() const { return m_choice; }

    // Where the demo database lives: TUCAI_DEMO_DIR, else the user's data folder
    // (~/.local/share/tucai, %LOCALAPPDATA%\tucai), as scripts/setup-and-run.sh uses it.
    static QString demoPath();
    // Opens the demo database at `path`, creating it first (with `students` students) off the
    // GUI thread under a progress dialog that can cancel. A cancelled or failed creation
    // leaves no file behind. Returns the target, or nothing (cancelled, or the error shown).
    static std::optional<db::DbTarget> createOrOpenDemo(QWidget *parent, const QString &path, int students = 1000);

private:
    void choose(Choice c);
    Choice m_choice = Choice::None;
};

} // namespace tucai::ui
