// The notices page offscreen: write a notice with a table and a link, schedule
// it, preview it in the phone frame, see it become visible at its time.
#include "../core/test_codes_support.h"
#include "db/database.h"
#include "db/notice_repo.h"
#include "db/staff_repo.h"
#include "pages/codes/file_dialog.h"
#include "pages/notices/notices_page.h"
#include "pages/notices/phone_preview.h"
#include "pages/notices/rich_text_toolbar.h"
#include "shell/app_context.h"
#include "shell/message_box.h"
#include "test_support.h"

#include <QDir>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QTextEdit>
#include <QTreeWidget>
#include <QtTest>

using namespace tucai;

class TestNoticesUi : public QObject
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
        m_db = std::make_shared<db::Database>(db::DbTarget::sqlite(m_dir.filePath(QStringLiteral("notices.sqlite"))));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        m_school = test::seedSmallSchool(*m_db, 2);
        Staff staff;
        staff.schoolId = m_school.school;
        staff.username = QStringLiteral("admin");
        staff.displayName = QStringLiteral("王老师");
        staff.role = StaffRole::SchoolAdmin;
        db::StaffRepo(*m_db).insert(staff);
        m_session.staffId = staff.id;
        m_session.schoolId = m_school.school;
        m_session.username = QStringLiteral("admin");
        m_session.displayName = QStringLiteral("管理员");
        m_session.role = StaffRole::SchoolAdmin;
    }
    void cleanup()
    {
        db::setFixedNowMs(0);
        ui::MessageBox::reset();
        ui::FileDialog::reset();
    }

    void writeSchedulePreview()
    {
        const qint64 t0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0)).toMSecsSinceEpoch();
        db::setFixedNowMs(t0);
        ui::AppContext ctx(m_db, m_session);
        ui::NoticesPage page(ctx);
        page.resize(1200, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *list = page.findChild<QTableView *>(QStringLiteral("noticeList"));
        QAbstractItemModelTester tester(list->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Write: title, a heading, text, a table and a link through the toolbar.
        page.newNotice();
        // QTest::keyClicks types ASCII only: Chinese goes in as input-method text would.
        page.findChild<QLineEdit *>(QStringLiteral("noticeTitle"))->setText(QStringLiteral("2026届毕业生图像采集通知"));
        auto *body = page.findChild<QTextEdit *>(QStringLiteral("noticeBody"));
        body->setFocus();
        body->insertPlainText(QStringLiteral("采集安排"));
        page.toolBar()->setHeading(2);
        QTest::keyClick(body, Qt::Key_Return);
        page.toolBar()->setHeading(0);
        body->insertPlainText(QStringLiteral("请按下表时间完成采集："));
        QTest::keyClick(body, Qt::Key_Return);
        page.toolBar()->insertTable(2, 2);
        body->insertPlainText(QStringLiteral("计算机学院"));
        QTextCursor cell = body->textCursor();
        cell.movePosition(QTextCursor::NextCell);
        body->setTextCursor(cell);
        body->insertPlainText(QStringLiteral("3月2日-3月6日"));
        body->moveCursor(QTextCursor::End);
        page.toolBar()->insertLink(QStringLiteral("https://example.edu.cn/tucai"), QStringLiteral("拍照要求详见学校网站"));
        page.findChild<QLineEdit *>(QStringLiteral("noticeDailyHours"))->setText(QStringLiteral("08:00-21:00"));
        page.findChild<QLineEdit *>(QStringLiteral("noticeContacts"))->setText(QStringLiteral("学生处 025-8888 0000"));
        QVERIFY(page.save());
        const qint64 id = page.current().id;
        QVERIFY(id > 0);
        const Notice stored = *db::NoticeRepo(*m_db).get(id);
        QVERIFY(stored.bodyHtml.contains(QLatin1String("<table")));
        QVERIFY(stored.bodyHtml.contains(QLatin1String("href=\"https://example.edu.cn/tucai\"")));
        QVERIFY(stored.bodyHtml.contains(QLatin1String("<h2")));
        QCOMPARE(list->model()->rowCount(), 1);

        // An attachment through the file dialog (answered by the test hook), stored in the database.
        const QString pdfPath = m_dir.filePath(QStringLiteral("采集须知.pdf"));
        {
            QFile f(pdfPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("%PDF-1.4\n% test attachment\n");
        }
        ui::FileDialog::setNextFileName(pdfPath);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addAttachment")), Qt::LeftButton);
        QCOMPARE(page.findChild<QListWidget *>(QStringLiteral("noticeAttachments"))->count(), 1);
        QCOMPARE(db::NoticeRepo(*m_db).attachments(id).first().fileName, QStringLiteral("采集须知.pdf"));
        QCOMPARE(db::NoticeRepo(*m_db).attachmentBytes(db::NoticeRepo(*m_db).attachments(id).first().id),
                 QByteArray("%PDF-1.4\n% test attachment\n"));

        // Schedule for tomorrow 08:00.
        const QDateTime at(QDate(2026, 3, 2), QTime(8, 0));
        QVERIFY(page.schedule(at));
        QCOMPARE(page.current().state, QStringLiteral("scheduled"));
        QVERIFY(list->model()->index(0, 2).data().toString().contains(QLatin1String("Scheduled")));
        QVERIFY(db::NoticeRepo(*m_db).visibleAt(m_school.school, 0, db::nowMs()).isEmpty());

        // Preview: a phone-sized frame showing the table, the link and the details.
        ui::PhonePreview *preview = page.preview();
        QVERIFY(QTest::qWaitForWindowExposed(preview));
        QCOMPARE(preview->browser()->width(), 375);
        const QString html = preview->browser()->toHtml();
        QVERIFY(html.contains(QLatin1String("<table")));
        QVERIFY(html.contains(QLatin1String("https://example.edu.cn/tucai")));
        QVERIFY(preview->browser()->toPlainText().contains(QStringLiteral("学生处 025-8888 0000")));
        QVERIFY(preview->browser()->toPlainText().contains(QStringLiteral("计算机学院")));
        QVERIFY(preview->browser()->toPlainText().contains(QStringLiteral("采集须知.pdf")));
        preview->grab().save(QDir::temp().filePath(QStringLiteral("tucai-notice-preview.png")));
        page.grab().save(QDir::temp().filePath(QStringLiteral("tucai-notices-page.png")));

        // At its time the notice is visible to students and shown as published.
        db::setFixedNowMs(at.toMSecsSinceEpoch());
        QCOMPARE(db::NoticeRepo(*m_db).visibleAt(m_school.school, m_school.college1, db::nowMs()).size(), 1);
        page.activate();
        QVERIFY(page.selectNotice(id));
        QCOMPARE(page.current().state, QStringLiteral("published"));
        QVERIFY(list->model()->index(0, 2).data().toString().contains(QLatin1String("Published")));

        // History: created, schedule, publish; who is recorded.
        auto *history = page.findChild<QTreeWidget *>(QStringLiteral("noticeHistory"));
        QCOMPARE(history->topLevelItemCount(), 3);
        QCOMPARE(history->topLevelItem(0)->text(4), QStringLiteral("scheduled -> published"));
        QCOMPARE(history->topLevelItem(2)->text(2), QStringLiteral("王老师"));

        // Archive through the button (confirmation answered).
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("archiveNotice")), Qt::LeftButton);
        QCOMPARE(page.current().state, QStringLiteral("archived"));
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("saveNotice"))->isEnabled());
        QVERIFY(db::NoticeRepo(*m_db).visibleAt(m_school.school, 0, db::nowMs()).isEmpty());
    }

    void invalidInputIsExplained()
    {
        ui::AppContext ctx(m_db, m_session);
        ui::NoticesPage page(ctx);
        page.show();
        page.newNotice();
        QVERIFY(!page.save()); // empty title
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("noticeError"))->text().contains(QLatin1String("title")));
        page.findChild<QLineEdit *>(QStringLiteral("noticeTitle"))->setText(QStringLiteral("x"));
        page.findChild<QLineEdit *>(QStringLiteral("noticeDailyHours"))->setText(QStringLiteral("25:00-08:00"));
        QVERIFY(!page.save());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("noticeError"))->text().contains(QLatin1String("Daily hours")));
    }
};

QTEST_MAIN(TestNoticesUi)
#include "test_notices_ui.moc"
