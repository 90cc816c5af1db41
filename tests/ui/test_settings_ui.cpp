// The collection settings page offscreen: change a setting, see the audit
// entry (and the page's history); invalid values are refused.
#include "../core/test_codes_support.h"
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/settings_repo.h"
#include "pages/settings/settings_page.h"
#include "settings/collection_settings.h"
#include "shell/app_context.h"
#include "shell/message_box.h"
#include "test_support.h"

#include <QDir>
#include <QApplication>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QtTest>

using namespace tucai;

class TestSettingsUi : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<db::Database> m_db;
    test::SmallSchool m_school;
    accounts::Session m_session;

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("TucaiTest"));
        m_db = std::make_shared<db::Database>(db::DbTarget::sqlite(m_dir.filePath(QStringLiteral("settings.sqlite"))));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        m_school = test::seedSmallSchool(*m_db, 1);
        settings::CollectionSettings s;
        s.windowStart = QDateTime(QDate(2026, 3, 1), QTime(8, 0)).toMSecsSinceEpoch();
        s.windowEnd = QDateTime(QDate(2026, 4, 30), QTime(21, 0)).toMSecsSinceEpoch();
        QVERIFY(s.save(*m_db, m_school.school, 0, QStringLiteral("setup"), {}).isEmpty());
        m_session.schoolId = m_school.school;
        m_session.username = QStringLiteral("admin");
        m_session.role = StaffRole::SchoolAdmin;
    }

    void changeIsAudited()
    {
        ui::AppContext ctx(m_db, m_session);
        ui::SettingsPage page(ctx);
        page.resize(900, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *save = page.findChild<QPushButton *>(QStringLiteral("saveSettings"));
        QVERIFY(!save->isEnabled()); // nothing changed yet
        auto *cooling = page.findChild<QSpinBox *>(QStringLiteral("coolingMinutes"));
        QCOMPARE(cooling->value(), 30);
        cooling->setValue(45);
        QVERIFY(save->isEnabled());
        page.findChild<QLineEdit *>(QStringLiteral("reason"))->setText(QStringLiteral("延长冷静期"));
        QTest::mouseClick(save, Qt::LeftButton);

        // The student side reads the table; the audit log has the change.
        QCOMPARE(db::SettingsRepo(*m_db).value(m_school.school, QStringLiteral("cooling_minutes")), QStringLiteral("45"));
        const AuditEntry e = db::AuditRepo(*m_db).recent(1).first();
        QCOMPARE(e.action, QStringLiteral("settings.change"));
        QCOMPARE(e.staffName, QStringLiteral("admin"));
        QCOMPARE(e.reason, QStringLiteral("延长冷静期"));
        QCOMPARE(e.afterJson, QStringLiteral("{\"cooling_minutes\":\"45\"}"));
        auto *history = page.findChild<QTreeWidget *>(QStringLiteral("settingsHistory"));
        QVERIFY(history->topLevelItemCount() >= 2);
        QVERIFY(history->topLevelItem(0)->text(2).contains(QStringLiteral("cooling-off minutes: 30 → 45")));
        QVERIFY(!save->isEnabled());
        page.grab().save(QDir::temp().filePath(QStringLiteral("tucai-settings-page.png")));
    }

    void invalidIsRefused()
    {
        ui::AppContext ctx(m_db, m_session);
        ui::SettingsPage page(ctx);
        page.show();
        const qint64 audits = db::AuditRepo(*m_db).count();
        auto *start = page.findChild<QDateTimeEdit *>(QStringLiteral("windowStart"));
        auto *end = page.findChild<QDateTimeEdit *>(QStringLiteral("windowEnd"));
        end->setDateTime(start->dateTime().addDays(-1));
        QVERIFY(!page.save());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("errors"))->text().contains(QLatin1String("end after it starts")));
        QCOMPARE(db::AuditRepo(*m_db).count(), audits);
        // Spin boxes cannot go negative at all.
        QCOMPARE(page.findChild<QSpinBox *>(QStringLiteral("retentionHours"))->minimum(), 0);
        QCOMPARE(page.findChild<QSpinBox *>(QStringLiteral("draftCapacity"))->minimum(), 1);
    }

    void readOnlyForReviewers()
    {
        accounts::Session reviewer = m_session;
        reviewer.role = StaffRole::Reviewer;
        ui::AppContext ctx(m_db, reviewer);
        ui::SettingsPage page(ctx);
        QVERIFY(!page.findChild<QSpinBox *>(QStringLiteral("coolingMinutes"))->isEnabled());
    }
};

QTEST_MAIN(TestSettingsUi)
#include "test_settings_ui.moc"
