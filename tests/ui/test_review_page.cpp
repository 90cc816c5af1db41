// The review page offscreen on a demo school: filter, open a photo, toggle an overlay, approve by
// key, return with two reasons, undo; then the rows in the database. Also batch decisions, the
// "approve everything that passes" confirmation, a lost race, and the models under
// QAbstractItemModelTester.
#include "db/audit_repo.h"
#include "db/database.h"
#include "db/misc_repos.h"
#include "db/photo_repo.h"
#include "db/review_repo.h"
#include "db/staff_repo.h"
#include "db/student_repo.h"
#include "demo/demo_generator.h"
#include "pages/review/photo_viewer.h"
#include "pages/review/queue_model.h"
#include "pages/review/return_reason_dialog.h"
#include "pages/review/review_page.h"
#include "review/decision_service.h"
#include "shell/app_context.h"
#include "shell/message_box.h"
#include "test_support.h"
#include "../core/http_test_server.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

using namespace tucai;

class TestReviewPage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<db::Database> m_db;

    accounts::Session sessionOf(const QString &username) const { return test::sessionOf(*m_db, username); }
    int auditCount(qint64 photoId, const QString &action) const
    {
        int n = 0;
        for (const AuditEntry &e : db::AuditRepo(*m_db).recent(100000))
            if (e.targetId == QString::number(photoId) && e.action == action)
                ++n;
        return n;
    }
    QList<OutboxMessage> outbox(qint64 studentId, const QString &kind) const
    {
        QList<OutboxMessage> out;
        for (const OutboxMessage &m : db::OutboxRepo(*m_db).pending(100000))
            if (m.studentId == studentId && m.kind == kind)
                out.append(m);
        return out;
    }
    // A review page for one staff member, shown and activated, its queue model under the tester.
    struct OpenPage
    {
        ui::AppContext ctx;
        ui::ReviewPage page;
        QAbstractItemModelTester tester;
        OpenPage(const std::shared_ptr<db::Database> &db, const accounts::Session &session)
            : ctx(db, session), page(ctx), tester(page.queueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest)
        {
            page.resize(1400, 900);
            page.show();
            page.activate();
        }
    };
    static void waitForPhoto(ui::ReviewPage &page)
    {
        QTRY_VERIFY_WITH_TIMEOUT(page.currentPhotoId() != 0 && page.viewer()->detail()
                                     && page.viewer()->detail()->photoId == page.currentPhotoId(),
                                 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("TucaiTest"));
        QApplication::setApplicationName(QStringLiteral("test_review_page"));
        // The photo store's disk cache: the test's own, empty (also on Windows).
        test::freshCacheFolder(m_dir);
        m_db = std::make_shared<db::Database>(db::DbTarget::sqlite(m_dir.filePath(QStringLiteral("review.sqlite"))));
        m_db->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 300; // enough photos to review in college 1 for the batch test (ten with seed 1)
        opt.nowMs = 1772877348000;
        opt.facesDir = test::facesDir();
        demo::createDemoSchool(*m_db, opt);
    }

    void init() { ui::MessageBox::reset(); }

    void reviewByKeyboard()
    {
        const accounts::Session session = sessionOf(QStringLiteral("reviewer1"));
        ui::AppContext ctx(m_db, session);
        ui::ReviewPage page(ctx);
        QAbstractItemModelTester tester(page.queueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1500, 900);
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.activate();
        auto *model = page.queueModel();
        QTRY_VERIFY(model->rowCount() > 0);

        // Filter: the second college of the reviewer, then a search by student number.
        auto *college = page.findChild<QComboBox *>(QStringLiteral("filterCollege"));
        QCOMPARE(college->count(), 4);   // all + the three colleges of reviewer1
        college->setCurrentIndex(2);
        const qint64 collegeId = college->currentData().toLongLong();
        QTRY_VERIFY(model->rowCount() > 2 && !model->isLoading());
        for (int i = 0; i < model->rowCount(); ++i)
            QCOMPARE(qint64(model->rowAt(i)->collegeId), collegeId);
        const QString wanted = model->rowAt(1)->studentNo();
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("filterSearch"));
        search->setText(wanted);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->rowAt(0)->studentNo(), wanted);
        search->clear();
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(model->rowCount() > 2);

        // Open a photo by clicking it.
        auto *queue = page.findChild<QTableView *>(QStringLiteral("reviewQueue"));
        const QRect cell = queue->visualRect(model->index(1, ui::QueueModel::NameColumn));
        QTest::mouseClick(queue->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(page.currentRow(), 1);
        waitForPhoto(page);
        const qint64 first = page.currentPhotoId();
        QCOMPARE(first, model->rowAt(1)->id);
        auto *violations = page.findChild<QTreeWidget *>(QStringLiteral("violationsList"));
        QVERIFY(violations->topLevelItemCount() > 0);

        // Toggle an overlay layer: the drawing changes.
        auto *layers = page.findChild<QListWidget *>(QStringLiteral("overlayLayers"));
        QCOMPARE(layers->count(), ui::PhotoViewer::kLayerCount);
        const QImage before = page.viewer()->grab().toImage();
        QListWidgetItem *landmarks = layers->item(int(ui::PhotoViewer::Layer::Guides));
        landmarks->setCheckState(landmarks->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        QCOMPARE(page.viewer()->isLayerVisible(ui::PhotoViewer::Layer::Guides), landmarks->checkState() == Qt::Checked);
        QVERIFY(page.viewer()->grab().toImage() != before);
        // The head pose layer (off by default) draws the axes of the landmarks' pose when the stored
        // report has one (the demo's real faces do; a photo without landmarks draws nothing).
        QVERIFY(!page.viewer()->isLayerVisible(ui::PhotoViewer::Layer::PoseAxes));
        if (page.viewer()->detail()->report.face.poseAxes.size() == 4) {
            const QImage noAxes = page.viewer()->grab().toImage();
            layers->item(int(ui::PhotoViewer::Layer::PoseAxes))->setCheckState(Qt::Checked);
            QVERIFY(page.viewer()->isLayerVisible(ui::PhotoViewer::Layer::PoseAxes));
            QVERIFY(page.viewer()->grab().toImage() != noAxes);
            layers->item(int(ui::PhotoViewer::Layer::PoseAxes))->setCheckState(Qt::Unchecked);
        }
        // Selecting a violation highlights its rule.
        violations->setCurrentItem(violations->topLevelItem(0));
        QCOMPARE(page.viewer()->highlightedRule(), violations->topLevelItem(0)->data(0, Qt::UserRole).toString());

        // Approve by key: A. The next photo follows at once (prefetched).
        queue->setFocus();
        const qint64 firstStudent = model->rowAt(1)->studentId;
        QTest::keyClick(queue, Qt::Key_A);
        QTRY_COMPARE(page.currentRow(), 2);
        waitForPhoto(page);
        const qint64 second = page.currentPhotoId();
        const qint64 secondStudent = model->rowAt(2)->studentId;
        QVERIFY(second != first);
        QCOMPARE(model->rowAt(1)->status, 'a');

        // Return by key: R, two reasons and a note.
        QTest::keyClick(queue, Qt::Key_R);
        ui::ReturnReasonDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<ui::ReturnReasonDialog *>()) && dialog->isVisible());
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("reasonList"));
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(Qt::Unchecked);
        for (int i = 0; i < list->count(); ++i)
            if (QStringList{QStringLiteral("background"), QStringLiteral("ears_hidden")}.contains(list->item(i)->data(Qt::UserRole).toString()))
                list->item(i)->setCheckState(Qt::Checked);
        dialog->setNote(QStringLiteral("耳朵被头发遮住"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reasonOk")), Qt::LeftButton);
        QTRY_COMPARE(page.currentRow(), 3);
        // The dialog is gone: the page is the active window again for its shortcuts.
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        queue->setFocus();

        db::PhotoRepo photos(*m_db);
        auto p1 = photos.get(first);
        QCOMPARE(p1->status, QStringLiteral("approved"));
        QCOMPARE(p1->reviewerId, session.staffId);
        QVERIFY(p1->decidedAt > 0);
        QCOMPARE(auditCount(first, QStringLiteral("photo.approve")), 1);
        QCOMPARE(outbox(firstStudent, QStringLiteral("photo.approved")).size(), 1);
        QCOMPARE(db::StudentRepo(*m_db).get(firstStudent)->state, StudentState::Approved);
        auto p2 = photos.get(second);
        QCOMPARE(p2->status, QStringLiteral("returned"));
        QCOMPARE(p2->reasons, QStringLiteral("background,ears_hidden"));
        QCOMPARE(p2->reasonNote, QStringLiteral("耳朵被头发遮住"));
        QCOMPARE(p2->reviewerId, session.staffId);
        QCOMPARE(auditCount(second, QStringLiteral("photo.return")), 1);
        QCOMPARE(outbox(secondStudent, QStringLiteral("photo.returned")).size(), 1);

        // Undo (Ctrl+Z): the return is taken back and its notification withdrawn; the page shows it again.
        QTest::keyClick(queue, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(page.currentRow(), 2);
        p2 = photos.get(second);
        QCOMPARE(p2->status, QStringLiteral("submitted"));
        QCOMPARE(p2->reasons, QString());
        QCOMPARE(p2->reviewerId, 0);
        QCOMPARE(auditCount(second, QStringLiteral("photo.undo")), 1);
        QCOMPARE(outbox(secondStudent, QStringLiteral("photo.returned")).size(), 0);
        QCOMPARE(db::StudentRepo(*m_db).get(secondStudent)->state, StudentState::AwaitingReview);
        QCOMPARE(photos.get(first)->status, QStringLiteral("approved"));   // the approval stays
        QCOMPARE(model->rowAt(2)->status, 's');
        QCOMPARE(db::AuditRepo(*m_db).verify(), 0);

        // Someone else decides the shown photo meanwhile: approving tells who did it.
        waitForPhoto(page);
        const auto admin = sessionOf(QStringLiteral("admin"));
        const auto other = review::DecisionService(*m_db, {admin.staffId, admin.schoolId, admin.role, 0, admin.displayName})
                               .decide({second, p2->rowVersion, true, {}, {}});
        QVERIFY(other.ok());
        ui::MessageBox::setNextAnswer(QMessageBox::Ok);
        QTest::keyClick(queue, Qt::Key_A);
        QTRY_VERIFY(ui::MessageBox::lastText().contains(admin.displayName));
        QCOMPARE(auditCount(second, QStringLiteral("photo.approve")), 1);
        QCOMPARE(photos.get(second)->reviewerId, admin.staffId);

        // Skip and previous by key.
        const int row = page.currentRow();
        QTest::keyClick(queue, Qt::Key_S);
        QTRY_COMPARE(page.currentRow(), row + 1);
        QTest::keyClick(queue, Qt::Key_Left);
        QTRY_COMPARE(page.currentRow(), row);
        QTest::keyClick(queue, Qt::Key_Right);
        QTRY_COMPARE(page.currentRow(), row + 1);
    }

    void batchDecisions()
    {
        OpenPage open(m_db, sessionOf(QStringLiteral("college01")));
        ui::ReviewPage &page = open.page;
        auto *model = page.queueModel();
        QTRY_VERIFY(model->rowCount() > 5 && !model->isLoading());
        waitForPhoto(page);

        // Approve two selected rows.
        auto *queue = page.findChild<QTableView *>(QStringLiteral("reviewQueue"));
        queue->selectionModel()->select(model->index(3, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        queue->selectionModel()->select(model->index(4, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const qint64 a = model->rowAt(3)->id, b = model->rowAt(4)->id;
        QSignalSpy applied(&page, &ui::ReviewPage::decisionsApplied);
        page.approveSelected();
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(applied.constFirst().at(0).toInt(), 2);
        QCOMPARE(db::PhotoRepo(*m_db).get(a)->status, QStringLiteral("approved"));
        QCOMPARE(db::PhotoRepo(*m_db).get(b)->status, QStringLiteral("approved"));

        // Approve everything that passes: one photo gets a report without any failed or undecided rule.
        const qint64 clean = model->rowAt(5)->id;
        db::PhotoRepo(*m_db).storeCheck(clean, QStringLiteral(R"({"decoded":true,"passed":true,"results":[{"rule":"image.size","status":"pass"}]})"),
                                        true, QStringLiteral("test"), QStringLiteral("test"), {});
        // The confirmation shows the counts; "No" changes nothing.
        ui::MessageBox::setNextAnswer(QMessageBox::No);
        page.approveAllPassing();
        const QString text = ui::MessageBox::lastText();
        QVERIFY2(text.contains(QLatin1String("pass every rule and will be approved")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Approve ")), qPrintable(text));
        QCOMPARE(applied.size(), 1);
        QCOMPARE(db::PhotoRepo(*m_db).get(clean)->status, QStringLiteral("submitted"));
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page.approveAllPassing();
        QTRY_COMPARE(applied.size(), 2);
        QVERIFY(applied.at(1).at(0).toInt() >= 1);
        QCOMPARE(applied.at(1).at(1).toInt(), 0);
        QCOMPARE(db::PhotoRepo(*m_db).get(clean)->status, QStringLiteral("approved"));
    }

    // Clicking a column header orders the queue by that column in the database (keyset paging per
    // order); a second click reverses it; the combo box follows; the photo column is no order.
    void sortByHeaderClicks()
    {
        OpenPage open(m_db, sessionOf(QStringLiteral("admin")));
        ui::ReviewPage &page = open.page;
        auto *model = page.queueModel();
        model->setPageSize(25); // several pages while scrolling
        QTRY_VERIFY(model->rowCount() > 4 && !model->isLoading());
        auto *queue = page.findChild<QTableView *>(QStringLiteral("reviewQueue"));
        auto *order = page.findChild<QComboBox *>(QStringLiteral("filterOrder"));
        QHeaderView *header = queue->horizontalHeader();
        const auto clickHeader = [&](int column) {
            const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        };
        // Scrolls to the end of the queue: every page, in order.
        const auto loadAll = [&] {
            QStringList numbers;
            if (!QTest::qWaitFor([&] { return !model->isLoading(); }, 10000))
                return numbers;
            while (model->canFetchMore({})) {
                model->fetchMore({});
                if (!QTest::qWaitFor([&] { return !model->isLoading(); }, 10000))
                    return numbers;
            }
            for (int i = 0; i < model->rowCount(); ++i)
                numbers.append(model->rowAt(i)->studentNo());
            return numbers;
        };
        const int total = int(loadAll().size());

        clickHeader(ui::QueueModel::StudentNoColumn);
        QTRY_COMPARE(model->query().sort, review::QueueSort::StudentNo);
        QCOMPARE(model->query().descending, false);
        QCOMPARE(order->currentData().toInt(), int(review::QueueSort::StudentNo) * 2);
        QStringList numbers = loadAll();
        QCOMPARE(numbers.size(), total);
        QStringList sorted = numbers;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(numbers, sorted);

        clickHeader(ui::QueueModel::StudentNoColumn); // again: descending
        QTRY_COMPARE(model->query().descending, true);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        numbers = loadAll();
        std::reverse(sorted.begin(), sorted.end());
        QCOMPARE(numbers, sorted);

        // The photo column is not an order: nothing changes, the indicator stays.
        clickHeader(ui::QueueModel::PhotoColumn);
        QCOMPARE(header->sortIndicatorSection(), int(ui::QueueModel::StudentNoColumn));
        QCOMPARE(model->query().sort, review::QueueSort::StudentNo);

        // The combo box moves the indicator too.
        order->setCurrentIndex(order->findData(int(review::QueueSort::Name) * 2));
        QTRY_COMPARE(model->query().sort, review::QueueSort::Name);
        QCOMPARE(header->sortIndicatorSection(), int(ui::QueueModel::NameColumn));
    }

    // The order is remembered with the page's layout (the page above saved it when it closed).
    void sortOrderIsRemembered()
    {
        const accounts::Session session = sessionOf(QStringLiteral("admin"));
        ui::AppContext ctx(m_db, session);
        {
            ui::ReviewPage again(ctx);
            auto *order = again.findChild<QComboBox *>(QStringLiteral("filterOrder"));
            QCOMPARE(order->currentData().toInt(), int(review::QueueSort::Name) * 2);
            QCOMPARE(again.findChild<QTableView *>(QStringLiteral("reviewQueue"))->horizontalHeader()->sortIndicatorSection(),
                     int(ui::QueueModel::NameColumn));
            order->setCurrentIndex(0);
        }
        ui::ReviewPage reset(ctx);
        QCOMPARE(reset.findChild<QTableView *>(QStringLiteral("reviewQueue"))->horizontalHeader()->sortIndicatorSection(),
                 int(ui::QueueModel::TimeColumn));
    }

    // A photo kept at an http(s) URL (the student side's object store) is fetched by the page
    // through the photo store off the GUI thread and checked against its SHA-256; a server that
    // answers with other bytes gives the reviewer that error instead of a wrong photo.
    void photoAtUrlIsFetchedAndVerified()
    {
        const accounts::Session session = sessionOf(QStringLiteral("admin"));
        db::PhotoRepo photos(*m_db);
        test::HttpTestServer server;
        QVERIFY(server.isListening());

        // Two submitted photos whose blobs are moved out of the database to the server.
        review::QueueQuery q;
        const auto rows = db::ReviewRepo(*m_db).page(review::ReviewScope{session.staffId, session.schoolId, session.role, 0, {}}, q, {}, 200);
        QVERIFY(rows.size() > 10);
        qint64 good = 0, bad = 0;
        QString goodSha, badSha;
        QByteArray goodBytes, badBytes;
        for (const auto &r : rows) {
            const Photo p = *photos.get(r.id);
            if (p.sha256 == goodSha || p.sha256 == badSha)
                continue;
            if (!good) {
                good = r.id, goodSha = p.sha256, goodBytes = photos.blobBytes(p.sha256);
            } else if (!bad) {
                bad = r.id, badSha = p.sha256, badBytes = photos.blobBytes(p.sha256);
                break;
            }
        }
        QVERIFY(good && bad && !goodBytes.isEmpty() && !badBytes.isEmpty());
        int requests = 0;
        server.setHandler([&](const test::HttpTestServer::Request &r) {
            ++requests;
            if (r.path == "/good.jpg")
                return test::HttpTestServer::Response{200, goodBytes};
            return test::HttpTestServer::Response{200, goodBytes}; // the wrong photo for /bad.jpg
        });
        // As a server that keeps photos in an object store has them: no bytes, a URL.
        const auto setBlob = [&](const QString &sha, const QVariant &bytes, const QVariant &url) {
            db::Query(*m_db, QStringLiteral("UPDATE photo_blobs SET bytes = :b, url = :u WHERE sha256 = :h"))
                .bind(QStringLiteral(":b"), bytes)
                .bind(QStringLiteral(":u"), url)
                .bind(QStringLiteral(":h"), sha)
                .exec();
        };
        setBlob(goodSha, QVariant(QMetaType(QMetaType::QByteArray)), server.url(QStringLiteral("/good.jpg")).toString());
        setBlob(badSha, QVariant(QMetaType(QMetaType::QByteArray)), server.url(QStringLiteral("/bad.jpg")).toString());
        QVERIFY(photos.blobBytes(goodSha).isEmpty());

        OpenPage shown(m_db, session);
        ui::ReviewPage &page = shown.page;
        auto *model = page.queueModel();
        QTRY_VERIFY(model->rowCount() > 10 && !model->isLoading());
        auto *queue = page.findChild<QTableView *>(QStringLiteral("reviewQueue"));
        const auto openPhoto = [&](qint64 id) {
            const int row = model->findPhoto(id);
            QVERIFY(row >= 0);
            queue->selectionModel()->setCurrentIndex(model->index(row, ui::QueueModel::NameColumn),
                                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            QTRY_VERIFY_WITH_TIMEOUT(page.viewer()->detail() && page.viewer()->detail()->photoId == id, 15000);
        };
        openPhoto(good);
        QCOMPARE(page.viewer()->detail()->error, QString());
        QVERIFY(!page.viewer()->detail()->image.isNull());
        QCOMPARE(page.viewer()->detail()->bytes, goodBytes);
        QVERIFY(requests >= 1);
        openPhoto(bad);
        const QString error = page.viewer()->detail()->error;
        QVERIFY2(error.contains(QLatin1String("do not match the stored SHA-256")), qPrintable(error));
        QVERIFY(page.viewer()->detail()->image.isNull());

        // Put the bytes back for the other tests.
        setBlob(goodSha, goodBytes, QVariant(QMetaType(QMetaType::QString)));
        setBlob(badSha, badBytes, QVariant(QMetaType(QMetaType::QString)));
        QCOMPARE(photos.blobBytes(goodSha), goodBytes);
    }

    // Drafts carry no stored report: the page says so, offers a re-check, and the job fills it in.
    void notCheckedPhotoIsRechecked()
    {
        const accounts::Session session = sessionOf(QStringLiteral("admin"));
        ui::AppContext ctx(m_db, session);
        ui::ReviewPage page(ctx);
        page.resize(1400, 900);
        page.show();
        page.applyFilter({{QStringLiteral("status"), QStringLiteral("draft")}});
        QTRY_VERIFY(page.queueModel()->rowCount() > 0);
        waitForPhoto(page);
        const qint64 id = page.currentPhotoId();
        QVERIFY(!page.viewer()->detail()->hasReport);
        auto *violations = page.findChild<QTreeWidget *>(QStringLiteral("violationsList"));
        QCOMPARE(violations->topLevelItemCount(), 1);
        QCOMPARE(violations->topLevelItem(0)->text(0), QStringLiteral("Not checked"));
        auto *recheck = page.findChild<QPushButton *>(QStringLiteral("recheckNowButton"));
        QVERIFY(recheck->isVisible());
        QTest::mouseClick(recheck, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.lastMessage().contains(QLatin1String("Re-checked 1 photo")), 30000);
        const auto photo = db::PhotoRepo(*m_db).get(id);
        QVERIFY(!photo->checkReport.isEmpty());
        QVERIFY(!photo->engineVersion.isEmpty());
        QVERIFY(photo->checkedAt > 0);
        // The same photo stays open and now shows the rules.
        QTRY_VERIFY_WITH_TIMEOUT(page.currentPhotoId() == id && page.viewer()->detail() && page.viewer()->detail()->hasReport, 10000);
        QVERIFY(violations->topLevelItemCount() > 5);
        QVERIFY(!recheck->isVisible());
    }

    // A picture of the page for the eye (not an assertion): REVIEW_SCREENSHOT=path.
    void screenshot()
    {
        const QString path = qEnvironmentVariable("REVIEW_SCREENSHOT");
        if (path.isEmpty())
            QSKIP("set REVIEW_SCREENSHOT to save a picture of the page");
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const accounts::Session session = sessionOf(QStringLiteral("admin"));
        ui::AppContext ctx(m_db, session);
        ui::ReviewPage page(ctx);
        page.resize(1600, 950);
        page.show();
        page.applyFilter({{QStringLiteral("status"), QStringLiteral("returned")}});
        QTRY_VERIFY(page.queueModel()->rowCount() > 3);
        waitForPhoto(page);
        auto *layers = page.findChild<QListWidget *>(QStringLiteral("overlayLayers"));
        for (int i = 0; i < layers->count(); ++i)
            layers->item(i)->setCheckState(Qt::Checked);
        QTest::qWait(500);
        QVERIFY(page.grab().save(path));
    }
};

QTEST_MAIN(TestReviewPage)
#include "test_review_page.moc"
