// Students page: find a liveness-locked student, unlock with a reason, see the
// state change and the audit entry; lazy loading of thousands of rows; ID
// numbers masked for reviewers.
#include "../core/test_accounts_fixture.h"
#include "test_support.h"

#include "accounts/staff_service.h"
#include "db/account_repo.h"
#include "db/audit_repo.h"
#include "db/review_repo.h"
#include "db/school_repo.h"
#include "db/staff_repo.h"
#include "shell/message_box.h"
#include "model/id_number.h"
#include "pages/audit/audit_page.h"
#include "pages/staff/staff_page.h"
#include "pages/students/import_dialog.h"
#include "pages/students/reason_dialog.h"
#include "pages/students/student_list_model.h"
#include "pages/students/students_page.h"
#include "shell/app_context.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

using namespace tucai;

class TestStudents : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<db::Database> m_db;
    test::MiniSchool m;

    accounts::Session session(qint64 id)
    {
        const auto s = db::StaffRepo(*m_db).get(id);
        return {s->id, s->schoolId, s->username, s->displayName, s->role, s->collegeId};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_db = test::freshSqliteDatabase(m_dir, QStringLiteral("students_gui"));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        m = test::buildMiniSchool(*m_db);
        // Thousands of rows for the lazy model.
        db::StudentRepo repo(*m_db);
        db::Transaction tx(*m_db);
        for (int i = 0; i < 2500; ++i) {
            Student s = test::makeStudent(m, m.college2, m.class2, QStringLiteral("2022029%1").arg(i, 4, 10, QLatin1Char('0')),
                                          StudentState::Approved);
            repo.insert(s);
        }
        tx.commit();
    }

    void unlockLockedStudent()
    {
        ui::AppContext context(m_db, session(m.collegeAdmin));
        ui::StudentsPage page(context);
        page.resize(1200, 700);
        page.show();
        page.applyFilter({{QStringLiteral("status"), QStringLiteral("locked_liveness")}});
        ui::StudentListModel *model = page.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The college admin sees only the locked student of their own college.
        QTRY_COMPARE(model->rowCount(), 1);
        QTRY_VERIFY(model->rowAt(0) != nullptr);
        QCOMPARE(model->rowAt(0)->student.id, m.locked1);
        QCOMPARE(model->index(0, ui::StudentListModel::Liveness).data().toInt(), 3);

        auto *table = page.findChild<QTableView *>(QStringLiteral("studentsTable"));
        table->selectRow(0);
        auto *unlock = page.findChild<QAction *>(QStringLiteral("unlockAction"));
        QVERIFY(unlock->isEnabled());
        QVERIFY(unlock->toolTip().contains(QStringLiteral("Ctrl+U")));
        // Cancelling the reason changes nothing.
        ui::ReasonDialog::setNextAnswer(std::nullopt);
        unlock->trigger();
        QCOMPARE(db::StudentRepo(*m_db).get(m.locked1)->lockKind, QStringLiteral("liveness"));

        const qint64 auditBefore = db::AuditRepo(*m_db).count();
        ui::ReasonDialog::setNextAnswer(ui::ReasonDialog::Answer{QStringLiteral("checked the student's ID card"), 0, 0});
        unlock->trigger();
        QCOMPARE(ui::ReasonDialog::lastTitle(), QStringLiteral("Unlock liveness lock"));
        QCOMPARE(db::StudentRepo(*m_db).get(m.locked1)->state, StudentState::Verified);
        QCOMPARE(db::AuditRepo(*m_db).count(), auditBefore + 1);
        // The locked list is empty now; the student shows up as verified.
        QTRY_COMPARE(model->rowCount(), 0);
        page.applyFilter({{QStringLiteral("search"), QStringLiteral("2022010001")}});
        QTRY_COMPARE(model->rowCount(), 1);
        QTRY_VERIFY(model->rowAt(0) != nullptr);
        QCOMPARE(model->index(0, ui::StudentListModel::State).data().toString(), displayName(StudentState::Verified));
        table->selectRow(0);
        auto *history = page.findChild<QTreeWidget *>(QStringLiteral("studentHistory"));
        QCOMPARE(history->topLevelItemCount(), 1);
        // The action in words, its code in the tooltip.
        QCOMPARE(history->topLevelItem(0)->text(2), QStringLiteral("Account unlocked"));
        QCOMPARE(history->topLevelItem(0)->toolTip(2), QStringLiteral("student.unlock"));
        QCOMPARE(history->topLevelItem(0)->text(3), QStringLiteral("checked the student's ID card"));
        QCOMPARE(page.findChild<QTreeWidget *>(QStringLiteral("studentAttempts"))->topLevelItemCount(), 3);
        QVERIFY(!unlock->isEnabled()); // nothing left to unlock

        // The audit page shows the entry and the chain holds.
        ui::AuditPage audit(context);
        QSignalSpy loaded(&audit, &ui::AuditPage::loaded);
        audit.activate();
        QTRY_VERIFY(!loaded.isEmpty());   // loaded off the GUI thread
        auto *list = audit.findChild<QTreeWidget *>(QStringLiteral("auditList"));
        QVERIFY(list->topLevelItemCount() >= 1);
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("Account unlocked"));
        QCOMPARE(list->topLevelItem(0)->toolTip(3), QStringLiteral("student.unlock"));
        QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("student %1").arg(m.locked1));
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("college01"));
        QSignalSpy verified(&audit, &ui::AuditPage::verified);
        QTest::mouseClick(audit.findChild<QPushButton *>(QStringLiteral("auditVerify")), Qt::LeftButton);
        QTRY_COMPARE(verified.size(), 1);
        QVERIFY2(verified.constFirst().constFirst().toString().contains(QStringLiteral("intact")),
                 qPrintable(verified.constFirst().constFirst().toString()));
        QVERIFY(audit.findChild<QLabel *>(QStringLiteral("auditStatus"))->text().contains(QStringLiteral("intact")));
        const QString csv = m_dir.filePath(QStringLiteral("audit.csv"));
        QSignalSpy exported(&audit, &ui::AuditPage::exported);
        audit.exportTo(csv);
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.constFirst().constFirst().toString(), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(f.readAll()).contains(QStringLiteral("checked the student's ID card")));
    }

    void lazyModelWithThousandsOfRows()
    {
        ui::AppContext context(m_db, session(m.admin));
        ui::StudentsPage page(context);
        page.applyFilter({});
        ui::StudentListModel *model = page.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model->rowCount(), 2506);
        // A far row is a placeholder until its block arrives from the worker thread.
        const QModelIndex far = model->index(2400, ui::StudentListModel::Number);
        QVERIFY(!model->rowAt(2400));
        far.data();
        QTRY_VERIFY(model->rowAt(2400) != nullptr);
        QVERIFY(model->index(2400, ui::StudentListModel::Number).data().toString().startsWith(QStringLiteral("2022029")));
        // The school admin sees full ID numbers.
        QCOMPARE(model->index(2400, ui::StudentListModel::IdNumber).data().toString().size(), 18);
        QVERIFY(!model->index(2400, ui::StudentListModel::IdNumber).data().toString().contains(QLatin1Char('*')));
        page.applyFilter({{QStringLiteral("status"), QStringLiteral("approved")}});
        QTRY_COMPARE(model->rowCount(), 2500);
    }

    void importDialogDryRunAndImport()
    {
        ui::AppContext context(m_db, session(m.admin));
        const QString path = m_dir.filePath(QStringLiteral("roster.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xEF\xBB\xBF");
            auto id = [](int n) -> QString {
                const QString first17 = QStringLiteral("32010219990101%1").arg(n, 3, 10, QLatin1Char('0'));
                return first17 + idNumberCheckChar(first17);
            };
            f.write(QStringLiteral("学号,姓名,身份证号,班级\n2022013001,林一,%1,计算机2201班\n"
                                   "2022013002,,%2,计算机2201班\n2022013003,=1+1,%3,计算机2201班\n")
                        .arg(id(301), id(302), id(303))
                        .toUtf8());
        }
        ui::ImportDialog dialog(context);
        QVERIFY(dialog.loadFile(path));
        QSignalSpy dry(&dialog, &ui::ImportDialog::dryRunFinished);
        dialog.runDryRun();
        QVERIFY(dry.wait(10000));
        auto *problems = dialog.findChild<QTreeWidget *>(QStringLiteral("importProblems"));
        QCOMPARE(problems->topLevelItemCount(), 2);
        QCOMPARE(dialog.plan().problemLines(), QList<int>({3, 4}));
        const int good = dialog.plan().newRows;
        QCOMPARE(good, 1);
        QSignalSpy done(&dialog, &ui::ImportDialog::importFinished);
        const qint64 before = db::StudentRepo(*m_db).count();
        dialog.runImport();
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().first().toBool(), true);
        QVERIFY(dialog.imported());
        QCOMPARE(db::StudentRepo(*m_db).count(), before + good);
    }

    void reviewerSeesMaskedIdsAndCannotAct()
    {
        ui::AppContext context(m_db, session(m.reviewer));
        ui::StudentsPage page(context);
        page.applyFilter({});
        ui::StudentListModel *model = page.model();
        QTRY_COMPARE(model->rowCount(), 5); // their assigned college (4 + 1 imported above)
        QTRY_VERIFY(model->rowAt(0) != nullptr);
        const QString id = model->index(0, ui::StudentListModel::IdNumber).data().toString();
        QVERIFY2(id.contains(QStringLiteral("**********")), qPrintable(id));
        page.findChild<QTableView *>(QStringLiteral("studentsTable"))->selectRow(0);
        QVERIFY(!page.findChild<QAction *>(QStringLiteral("resetAction"))->isEnabled());
        QVERIFY(!page.findChild<QAction *>(QStringLiteral("importAction"))->isEnabled());
    }

    // The school administrator narrows a reviewer from a whole college to one class of another
    // college in the staff page: a reason is required, the change is audited with before and
    // after, the reviewer's queue follows, and a concurrent change is refused.
    void reassignReviewerToOneClass()
    {
        const qint64 otherClass = db::SchoolRepo(*m_db).insertClass(m.college2, QStringLiteral("C0202"), QStringLiteral("英语2202班"), 2022);
        ui::AppContext context(m_db, session(m.admin));
        ui::StaffPage page(context);
        page.resize(1100, 600);
        page.show();
        page.activate();
        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("staffList"));
        QTreeWidgetItem *row = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == m.reviewer)
                row = list->topLevelItem(i);
        QVERIFY(row);
        QCOMPARE(row->text(3), QStringLiteral("计算机学院")); // the whole first college
        list->setCurrentItem(row);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("staffScopes")), Qt::LeftButton);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<QDialog *>(QStringLiteral("staffScopesDialog"))) && dialog->isVisible());
        auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("staffScopeTree"));
        QCOMPARE(tree->topLevelItemCount(), 2);
        QTreeWidgetItem *college1 = tree->topLevelItem(0), *college2 = tree->topLevelItem(1);
        QCOMPARE(college1->checkState(0), Qt::Checked);
        QCOMPARE(college2->checkState(0), Qt::Unchecked);
        QCOMPARE(college2->childCount(), 2);
        college1->setCheckState(0, Qt::Unchecked);
        college2->child(0)->setCheckState(0, Qt::Checked);   // 英语2201班 only
        QCOMPARE(college2->checkState(0), Qt::PartiallyChecked);

        // No reason: refused, the dialog stays with the choice.
        ui::MessageBox::setAutoAnswer(QMessageBox::Ok);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("staffScopesOk")), Qt::LeftButton);
        QVERIFY(ui::MessageBox::lastText().contains(QStringLiteral("reason")));
        QVERIFY(dialog->isVisible());
        QCOMPARE(db::AccountRepo(*m_db).staffScopes(m.reviewer).size(), 1);
        QCOMPARE(db::AccountRepo(*m_db).staffScopes(m.reviewer).constFirst().collegeId, m.college1);

        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("staffScopesReason")), QStringLiteral("moved to English"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("staffScopesOk")), Qt::LeftButton);
        QTRY_VERIFY(!page.findChild<QDialog *>(QStringLiteral("staffScopesDialog")));
        const auto scopes = db::AccountRepo(*m_db).staffScopes(m.reviewer);
        QCOMPARE(scopes.size(), 1);
        QCOMPARE(scopes.constFirst().collegeId, m.college2);
        QCOMPARE(scopes.constFirst().classId, m.class2);
        const AuditEntry e = db::AuditRepo(*m_db).recent(1).constFirst();
        QCOMPARE(e.action, QStringLiteral("staff.scopes"));
        QCOMPARE(e.reason, QStringLiteral("moved to English"));
        QVERIFY(e.beforeJson.contains(QString::number(m.college1)));
        QVERIFY(e.afterJson.contains(QString::number(m.class2)));
        QCOMPARE(db::AuditRepo(*m_db).verify(), 0);

        // The reviewer's queue now holds college 2's photo, not college 1's.
        const Staff reviewer = *db::StaffRepo(*m_db).get(m.reviewer);
        const review::ReviewScope scope{reviewer.id, reviewer.schoolId, reviewer.role, 0, reviewer.displayName};
        db::ReviewRepo reviews(*m_db);
        QVERIFY(reviews.inScope(scope, m.photo2));
        QVERIFY(!reviews.inScope(scope, m.photo1));

        // Two administrators: the second, working from the old version, saves nothing.
        accounts::StaffService service(*m_db, session(m.admin));
        QVERIFY_THROWS_EXCEPTION(db::DbError, service.setScopes(m.reviewer, {{m.college1, 0}}, reviewer.rowVersion - 1, QStringLiteral("late")));
        QCOMPARE(db::AccountRepo(*m_db).staffScopes(m.reviewer).constFirst().classId, m.class2);
        Q_UNUSED(otherClass);
        // Back to the whole first college for the other tests.
        service.setScopes(m.reviewer, {{m.college1, 0}}, reviewer.rowVersion, QStringLiteral("restore"));
        ui::MessageBox::reset();
    }
};

QTEST_MAIN(TestStudents)
#include "test_students.moc"
