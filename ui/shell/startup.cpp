#include "shell/startup.h"

#include "db/database.h"
#include "shell/message_box.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace tucai::ui {

std::shared_ptr<db::Database> openDatabaseForGui(QWidget *parent, const db::DbTarget &target, bool create)
{
    auto database = std::make_shared<db::Database>(target);
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        database->openAndMigrate(create ? db::Database::OpenMode::CreateIfMissing : db::Database::OpenMode::MustExist);
        QGuiApplication::restoreOverrideCursor();
        return database;
    } catch (const db::DbError &e) {
        QGuiApplication::restoreOverrideCursor();
        MessageBox::critical(parent, QCoreApplication::translate("Startup", "Cannot open the database"), e.message());
        return nullptr;
    }
}

QString installTranslations(const QString &languageIn)
{
    QString language = languageIn;
    if (language.isEmpty())
        language = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("zh_CN")).toString();
    static QTranslator *ours = nullptr;
    static QTranslator *qts = nullptr;
    for (QTranslator **t : {&ours, &qts}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    ours = new QTranslator(qApp);
    if (ours->load(QStringLiteral(":/i18n/tucai_") + language + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(ours);
    qts = new QTranslator(qApp);
    if (qts->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qts);
    QLocale::setDefault(QLocale(language));
    return language;
}

} // namespace tucai::ui
