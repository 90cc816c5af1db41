// The codes page offscreen: generate codes for a class, save the PDF and CSV
// (file dialog answered by the test hook), check and revoke a code.
#include "../core/test_codes_support.h"
#include "codes/code_service.h"
#include "db/code_repo.h"
#include "db/database.h"
#include "pages/codes/codes_page.h"
#include "pages/codes/file_dialog.h"
#include "shell/app_context.h"
#include "shell/message_box.h"
#include "test_support.h"

#include <QDir>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace tucai;

class TestCodesUi : public QObject
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
        m_db = std::make_shared<db::Database>(db::DbTarget::sqlite(m_dir.filePath(QStringLiteral("codes.sqlite"))));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        m_school = test::seedSmallSchool(*m_db, 6);
        m_session.schoolId = m_school.school;
        m_session.username = QStringLiteral("admin");
        m_session.role = StaffRole::SchoolAdmin;
    }
    void cleanup()
    {
        ui::MessageBox::reset();
        ui::FileDialog::reset();
    }

    void generateForClassAndSavePdf()
    {
        ui::AppContext ctx(m_db, m_session);
        ui::CodesPage page(ctx);
        page.resize(1100, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *table = page.findChild<QTableView *>(QStringLiteral("codesTable"));
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *college = page.findChild<QComboBox *>(QStringLiteral("codesCollege"));
        auto *klass = page.findChild<QComboBox *>(QStringLiteral("codesClass"));
        college->setCurrentIndex(college->findData(m_school.college1));
        klass->setCurrentIndex(klass->findData(m_school.class1));
        QCOMPARE(klass->currentText(), QStringLiteral("计科2201班"));

        const QString pdf = m_dir.filePath(QStringLiteral("计科2201班.pdf"));
        ui::FileDialog::setNextFileName(pdf);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QSignalSpy done(&page, &ui::CodesPage::jobFinished);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("generateCodes")), Qt::LeftButton);
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), true);
        QVERIFY2(QFileInfo(pdf).size() > 1000, qPrintable(page.lastResult()));
        const QString csv = m_dir.filePath(QStringLiteral("计科2201班.csv"));
        QVERIFY(QFileInfo::exists(csv));
        QCOMPARE(table->model()->rowCount(), 6);
        QVERIFY(table->model()->index(0, 6).data().toString().contains(QLatin1String("Active")));
        // The PDF opens in poppler.
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty()) {
            QCOMPARE(QProcess::execute(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-png"),
                                                                     QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                                                                     pdf, m_dir.filePath(QStringLiteral("ui"))}),
                     0);
        }
        page.grab().save(QDir::temp().filePath(QStringLiteral("tucai-codes-page.png")));

        // Check a code from the CSV in the page's verifier.
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        const QString code = lines.at(1).section(QLatin1Char(','), 4, 4);
        auto *input = page.findChild<QLineEdit *>(QStringLiteral("verifyInput"));
        auto *result = page.findChild<QLabel *>(QStringLiteral("verifyResult"));
        QTest::keyClicks(input, code);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY2(result->text().startsWith(QLatin1String("valid")), qPrintable(result->text()));

        // Revoke every code of the class from the table; the code stops working.
        table->selectAll();
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("revokeCode")), Qt::LeftButton);
        QCOMPARE(table->model()->rowCount(), 0); // revoked ones hidden by default
        page.verifyTyped();
        QVERIFY2(result->text().startsWith(QLatin1String("revoked")), qPrintable(result->text()));
    }

    void unwritablePdfChangesNothing()
    {
        ui::AppContext ctx(m_db, m_session);
        ui::CodesPage page(ctx);
        page.show();
        auto *college = page.findChild<QComboBox *>(QStringLiteral("codesCollege"));
        college->setCurrentIndex(college->findData(m_school.college2));
        const qint64 before = db::CodeRepo(*m_db).countAll();
        ui::FileDialog::setNextFileName(QStringLiteral("/nonexistent-dir/codes.pdf"));
        ui::MessageBox::setAutoAnswer(QMessageBox::Yes);
        QSignalSpy done(&page, &ui::CodesPage::jobFinished);
        page.generateForSelection();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), false);
        QVERIFY(page.lastResult().contains(QLatin1String("/nonexistent-dir/codes.pdf")));
        QVERIFY(page.lastResult().contains(QLatin1String("No codes were changed")));
        QCOMPARE(db::CodeRepo(*m_db).countAll(), before);
    }

    void selectedStudentsFromAFilter()
    {
        ui::AppContext ctx(m_db, m_session);
        ui::CodesPage page(ctx);
        page.show();
        // Two students of class 1 handed over by a filtered list.
        page.applyFilter({{QStringLiteral("college_id"), m_school.college1},
                          {QStringLiteral("student_ids"), QVariantList{m_school.class1Students.at(0), m_school.class1Students.at(1)}}});
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("codesSelection"))->isVisible());
        const QString pdf = m_dir.filePath(QStringLiteral("selected.pdf"));
        ui::FileDialog::setNextFileName(pdf);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QSignalSpy done(&page, &ui::CodesPage::jobFinished);
        page.generateForSelection();
        QVERIFY(done.wait(60000));
        QVERIFY2(done.first().first().toBool(), qPrintable(page.lastResult()));
        QVERIFY(page.lastResult().startsWith(QLatin1String("2 codes generated")));
    }

    void cancelledDialogDoesNothing()
    {
        ui::AppContext ctx(m_db, m_session);
        ui::CodesPage page(ctx);
        const qint64 before = db::CodeRepo(*m_db).countAll();
        ui::FileDialog::setNextFileName(QString()); // the user closed the dialog
        page.generateForSelection();
        QVERIFY(!page.isBusy());
        QCOMPARE(db::CodeRepo(*m_db).countAll(), before);
    }
};

QTEST_MAIN(TestCodesUi)
#include "test_codes_ui.moc"
