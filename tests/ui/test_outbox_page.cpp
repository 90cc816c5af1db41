// The notifications page offscreen: lists outbox rows with status, attempts and
// last error; "retry" re-queues a failed row; only school administrators see it.
#include "../core/http_test_server.h"
#include "db/misc_repos.h"
#include "db/school_repo.h"
#include "db/settings_repo.h"
#include "net/outbox_delivery.h"
#include "db/outbox_delivery_repo.h"
#include "demo/demo_generator.h"
#include "pages/outbox/outbox_model.h"
#include "pages/outbox/outbox_page.h"
#include "shell/app_context.h"
#include "shell/main_window.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace tucai;

class TestOutboxPage final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<db::Database> m_db;
    qint64 m_failedId = 0;
    qint64 m_deliveredId = 0;

    accounts::Session admin() const
    {
        accounts::Session s;
        s.staffId = 1;
        s.schoolId = 1;
        s.username = QStringLiteral("admin");
        s.displayName = QStringLiteral("Admin");
        s.role = StaffRole::SchoolAdmin;
        return s;
    }
    int rowOf(const ui::OutboxModel *model, qint64 id) const
    {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->row(r).id == id)
                return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("TucaiTest"));
        m_db = std::make_shared<db::Database>(db::DbTarget::sqlite(m_dir.filePath(QStringLiteral("outbox.sqlite"))));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 40;
        opt.nowMs = 1772877348000;
        opt.runChecks = false;
        demo::createDemoSchool(*m_db, opt);
        // Three rows of our own in three states: failed (with its reason), delivered, pending.
        db::OutboxRepo writer(*m_db);
        db::OutboxDeliveryRepo repo(*m_db);
        qint64 ids[3];
        for (int i = 0; i < 3; ++i) {
            OutboxMessage m;
            m.kind = QStringLiteral("student.unlocked");
            m.payloadJson = QStringLiteral("{}");
            m.idempotencyKey = QStringLiteral("test:unlock:%1").arg(i);
            ids[i] = writer.enqueue(m);
        }
        const qint64 now = db::nowMs();
        QVERIFY(repo.claim(ids[0], now, now + 1000));
        QVERIFY(repo.markAttemptFailed(ids[0], QStringLiteral("HTTP 400 Bad Request: unknown kind"), true, 0));
        QVERIFY(repo.claim(ids[1], now, now + 1000));
        QVERIFY(repo.markDelivered(ids[1], now));
        m_failedId = ids[0];
        m_deliveredId = ids[1];
    }

    void listsRowsAndRetriesAFailedOne()
    {
        ui::AppContext ctx(m_db, admin());
        ui::OutboxPage page(ctx);
        page.resize(1000, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *table = page.findChild<QTableView *>(QStringLiteral("outboxTable"));
        auto *model = qobject_cast<ui::OutboxModel *>(table->model());
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 total = db::OutboxRepo(*m_db).count();
        QVERIFY(total >= 3);
        QTRY_COMPARE(model->rowCount(), int(total));

        // Status, attempts and the reason are shown.
        const int failedRow = rowOf(model, m_failedId);
        QVERIFY(failedRow >= 0);
        QCOMPARE(model->index(failedRow, ui::OutboxModel::Status).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model->index(failedRow, ui::OutboxModel::Attempts).data().toInt(), 1);
        QVERIFY(model->index(failedRow, ui::OutboxModel::LastError).data().toString().contains(QLatin1String("unknown kind")));
        QCOMPARE(model->index(rowOf(model, m_deliveredId), ui::OutboxModel::Status).data().toString(), QStringLiteral("Delivered"));
        auto *summary = page.findChild<QLabel *>(QStringLiteral("outboxSummary"));
        QVERIFY2(summary->text().contains(QLatin1String("1 failed")), qPrintable(summary->text()));
        // No webhook configured in the demo: the page says so instead of sending.
        QVERIFY(!page.isDelivering());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("outboxDeliveryState"))->text().contains(QLatin1String("webhook_url")));

        // Retry is only offered for failed rows.
        auto *retry = page.findChild<QPushButton *>(QStringLiteral("outboxRetry"));
        table->selectRow(rowOf(model, m_deliveredId));
        QVERIFY(!retry->isEnabled());
        table->selectRow(failedRow);
        QVERIFY(retry->isEnabled());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("outboxDetail"))->text().contains(QLatin1String("unknown kind")));
        QSignalSpy loaded(&page, &ui::OutboxPage::loaded);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY(loaded.count() >= 1);  // the click may already have run the reload

        const auto row = db::OutboxDeliveryRepo(*m_db).get(m_failedId);
        QCOMPARE(row->status, QStringLiteral("pending"));
        QCOMPARE(row->attempts, 0);
        QVERIFY(row->nextAttemptAt > 0);
        QCOMPARE(model->index(rowOf(model, m_failedId), ui::OutboxModel::Status).data().toString(), QStringLiteral("Waiting"));
        QVERIFY(!summary->text().contains(QLatin1String("1 failed")));

        // The status filter narrows the list.
        auto *filter = page.findChild<QComboBox *>(QStringLiteral("outboxStatusFilter"));
        filter->setCurrentIndex(filter->findData(QStringLiteral("delivered")));
        const int delivered = int(db::OutboxDeliveryRepo(*m_db).countsByStatus().value(QStringLiteral("delivered")));
        QVERIFY(delivered < total);
        QTRY_COMPARE(model->rowCount(), delivered);
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->row(r).status, QStringLiteral("delivered"));
        QVERIFY(rowOf(model, m_deliveredId) >= 0);
    }

    void sendsInTheBackgroundWhenConfigured()
    {
        // The school's webhook URL in the settings, the secret only in this machine's environment.
        test::HttpTestServer hook;
        hook.setHandler([](const test::HttpTestServer::Request &) { return test::HttpTestServer::Response{200, "ok"}; });
        const qint64 schoolId = db::SchoolRepo(*m_db).firstSchool()->id;
        db::SettingsRepo(*m_db).set(schoolId, QString::fromLatin1(net::kWebhookUrlSetting), hook.url(QStringLiteral("/hook")).toString(), 0);
        const QByteArray secret = "gui-test-secret-0123456789";
        qputenv(net::kDefaultSecretEnv, secret);
        const qint64 due = db::OutboxDeliveryRepo(*m_db).countsByStatus().value(QStringLiteral("pending"));
        QVERIFY(due >= 2);  // the row retried above and the one never sent
        accounts::Session s = admin();
        s.schoolId = schoolId;
        ui::AppContext ctx(m_db, s);
        {
            ui::OutboxPage page(ctx);
            page.show();
            QTRY_VERIFY(page.isDelivering());
            QTRY_COMPARE(db::OutboxDeliveryRepo(*m_db).countsByStatus().value(QStringLiteral("pending")), 0);
            // No longer pending is not yet delivered: a row is claimed before it is sent (a slow
            // machine, or Wine, shows the gap).
            QTRY_COMPARE(db::OutboxDeliveryRepo(*m_db).get(m_failedId)->status, QStringLiteral("delivered"));
            QTRY_COMPARE(hook.requestCount(), int(due));
            for (const auto &r : hook.requests())
                QVERIFY(net::verifyWebhookSignature(secret, r.body, r.header(net::kSignatureHeader)));
            auto *model = page.findChild<ui::OutboxModel *>();
            QTRY_COMPARE(model->index(rowOf(model, m_failedId), ui::OutboxModel::Status).data().toString(), QStringLiteral("Delivered"));
        }
        qunsetenv(net::kDefaultSecretEnv);
    }

    void onlySchoolAdminsSeeThePage()
    {
        {
            ui::AppContext ctx(m_db, admin());
            ui::MainWindow window(ctx);
            QVERIFY(window.page(QStringLiteral("outbox")));
        }
        accounts::Session reviewer = admin();
        reviewer.role = StaffRole::Reviewer;
        reviewer.username = QStringLiteral("reviewer1");
        ui::AppContext ctx(m_db, reviewer);
        ui::MainWindow window(ctx);
        QVERIFY(!window.page(QStringLiteral("outbox")));
    }
};

QTEST_MAIN(TestOutboxPage)
#include "test_outbox_page.moc"
