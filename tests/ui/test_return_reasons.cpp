// The return-reasons dialog by keyboard, offscreen with QTest keys: digits 1-9 tick the most
// used reasons, the reasons the failed rules suggest come first and ticked, typing filters
// (Chinese, pinyin initials), Enter ticks the highlighted reason without returning,
// Ctrl+Enter returns, Esc clears the filter first. Then on the review page: the digit keys
// follow the returns recorded in the database.
#include "db/database.h"
#include "db/review_repo.h"
#include "db/staff_repo.h"
#include "demo/demo_generator.h"
#include "pages/review/photo_viewer.h"
#include "pages/review/return_reason_dialog.h"
#include "pages/review/review_page.h"
#include "review/reason_catalog.h"
#include "shell/app_context.h"
#include "test_support.h"

#include <QAction>
#include <QInputMethodEvent>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace tucai;

namespace {

QListWidgetItem *itemOf(QListWidget *list, const QString &code)
{
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == code)
            return list->item(i);
    return nullptr;
}

QStringList visibleCodes(QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        if (!list->item(i)->isHidden())
            out << list->item(i)->data(Qt::UserRole).toString();
    return out;
}

} // namespace

class TestReturnReasons : public QObject
{
    Q_OBJECT
    const QHash<QString, int> m_usage{{QStringLiteral("not_sharp"), 10}, {QStringLiteral("background"), 7}, {QStringLiteral("mouth_open"), 3}};

    struct Open
    {
        ui::ReturnReasonDialog dialog;
        QListWidget *list;
        QLineEdit *filter;
        Open(const QStringList &suggested, const QHash<QString, int> &usage) : dialog(suggested, 1, usage)
        {
            dialog.show();
            QApplication::setActiveWindow(&dialog);
            list = dialog.findChild<QListWidget *>(QStringLiteral("reasonList"));
            filter = dialog.findChild<QLineEdit *>(QStringLiteral("reasonFilter"));
        }
    };

private Q_SLOTS:
    void initTestCase() { QApplication::setOrganizationName(QStringLiteral("TucaiReturnReasons")); }

    void digitKeysTickTheMostUsedReasons()
    {
        Open o({}, m_usage);
        QVERIFY(QTest::qWaitForWindowActive(&o.dialog));
        QCOMPARE(QApplication::focusWidget(), o.filter);
        // By use, then the catalogue's order for the remaining keys.
        QCOMPARE(o.dialog.codeOnKey(1), QStringLiteral("not_sharp"));
        QCOMPARE(o.dialog.codeOnKey(2), QStringLiteral("background"));
        QCOMPARE(o.dialog.codeOnKey(3), QStringLiteral("mouth_open"));
        QCOMPARE(o.dialog.codeOnKey(4), QStringLiteral("head_too_big"));
        QVERIFY(o.dialog.codeOnKey(10).isEmpty());
        QVERIFY(o.dialog.codes().isEmpty());
        QTest::keyClick(o.filter, Qt::Key_1);
        QTest::keyClick(o.filter, Qt::Key_2);
        QCOMPARE(o.dialog.codes(), QStringList({QStringLiteral("not_sharp"), QStringLiteral("background")}));
        QVERIFY(o.filter->text().isEmpty()); // digits are keys, not filter text
        QTest::keyClick(o.filter, Qt::Key_1); // again: unticked
        QCOMPARE(o.dialog.codes(), QStringList{QStringLiteral("background")});
        // From the list and from the keypad too.
        o.list->setFocus();
        QTest::keyClick(o.list, Qt::Key_4, Qt::KeypadModifier);
        QVERIFY(o.dialog.codes().contains(QStringLiteral("head_too_big")));
        // The numbered reasons show their key.
        QVERIFY(itemOf(o.list, QStringLiteral("not_sharp"))->text().startsWith(QLatin1String("1 ")));
        QVERIFY(itemOf(o.list, QStringLiteral("not_sharp"))->toolTip().contains(QLatin1Char('1')));
        // Digits typed in the note are the note's.
        auto *note = o.dialog.findChild<QPlainTextEdit *>(QStringLiteral("reasonNote"));
        note->setFocus();
        QTest::keyClicks(note, QStringLiteral("12"));
        QCOMPARE(note->toPlainText(), QStringLiteral("12"));
        QCOMPARE(o.dialog.codes().size(), 2);
    }

    void ruleSuggestedReasonsComeFirstAndTicked()
    {
        Open o({QStringLiteral("ears_hidden"), QStringLiteral("background")}, m_usage);
        // Suggested (in catalogue order), then the numbered ones by key, then the rest.
        QCOMPARE(o.list->item(0)->data(Qt::UserRole).toString(), QStringLiteral("background"));
        QCOMPARE(o.list->item(1)->data(Qt::UserRole).toString(), QStringLiteral("ears_hidden"));
        QCOMPARE(o.list->item(2)->data(Qt::UserRole).toString(), QStringLiteral("not_sharp"));
        QCOMPARE(o.list->item(3)->data(Qt::UserRole).toString(), QStringLiteral("mouth_open"));
        QVERIFY(o.list->item(0)->font().bold());
        QVERIFY(!o.list->item(2)->font().bold());
        QCOMPARE(o.dialog.codes(), QStringList({QStringLiteral("background"), QStringLiteral("ears_hidden")}));
        QCOMPARE(o.list->count(), review::ReasonCatalog::instance().reasons().size());
    }

    void typingFiltersAndEnterTicks()
    {
        Open o({}, {});
        QVERIFY(QTest::qWaitForWindowActive(&o.dialog));
        // Pinyin initials: "bj" = 背景 (背景不符, 上衣与背景色相近) or 不均 (光线不均/阴阳脸).
        QTest::keyClicks(o.filter, QStringLiteral("bj"));
        QCOMPARE(visibleCodes(o.list), QStringList({QStringLiteral("background"), QStringLiteral("uneven_light"), QStringLiteral("clothing_contrast")}));
        QCOMPARE(o.list->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("background"));
        // Down moves within the matches; Enter ticks the highlighted one, clears the filter and
        // does not return the photo.
        QTest::keyClick(o.filter, Qt::Key_Down);
        QTest::keyClick(o.filter, Qt::Key_Down);
        QCOMPARE(o.list->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("clothing_contrast"));
        QSignalSpy accepted(&o.dialog, &QDialog::accepted);
        QTest::keyClick(o.filter, Qt::Key_Return);
        QCOMPARE(o.dialog.codes(), QStringList{QStringLiteral("clothing_contrast")});
        QVERIFY(o.filter->text().isEmpty());
        QCOMPARE(visibleCodes(o.list).size(), o.list->count());
        QVERIFY(accepted.isEmpty());
        QVERIFY(o.dialog.isVisible());
        // Chinese text, as an input method commits it, filters too.
        QInputMethodEvent ime;
        ime.setCommitString(QStringLiteral("眼镜"));
        QApplication::sendEvent(o.filter, &ime);
        QCOMPARE(visibleCodes(o.list), QStringList{QStringLiteral("glasses_glare")});
        // Esc clears the filter first, and only then closes.
        QTest::keyClick(o.filter, Qt::Key_Escape);
        QVERIFY(o.filter->text().isEmpty());
        QVERIFY(o.dialog.isVisible());
        // Typing while the list has the focus goes to the filter.
        o.list->setFocus();
        QTest::keyClicks(o.list, QStringLiteral("hy"));
        QCOMPARE(o.filter->text(), QStringLiteral("hy"));
        QVERIFY(visibleCodes(o.list).contains(QStringLiteral("red_eye"))); // 红眼 = hong yan
        QTest::keyClick(o.filter, Qt::Key_Escape);
        QTest::keyClick(o.filter, Qt::Key_Escape);
        QVERIFY(!o.dialog.isVisible());
    }

    void ctrlEnterReturns()
    {
        Open o({}, m_usage);
        QVERIFY(QTest::qWaitForWindowActive(&o.dialog));
        QSignalSpy accepted(&o.dialog, &QDialog::accepted);
        // Nothing ticked, no note: refused with a message.
        // (a shortcut "clicks" the button after a short animation)
        QTest::keyClick(o.filter, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(o.dialog.findChild<QLabel *>(QStringLiteral("reasonError"))->isVisible());
        QVERIFY(accepted.isEmpty());
        QTest::keyClick(o.filter, Qt::Key_3);
        // From the note as well.
        auto *note = o.dialog.findChild<QPlainTextEdit *>(QStringLiteral("reasonNote"));
        note->setFocus();
        QTest::keyClicks(note, QStringLiteral("ok"));
        QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(accepted.size(), 1);
        QCOMPARE(o.dialog.codes(), QStringList{QStringLiteral("mouth_open")});
        QCOMPARE(o.dialog.note(), QStringLiteral("ok"));
    }

    void reviewPageNumbersTheSchoolsMostUsedReasons()
    {
        QTemporaryDir dir;
        auto database = std::make_shared<db::Database>(db::DbTarget::sqlite(dir.filePath(QStringLiteral("reasons.sqlite"))));
        database->openAndMigrate(db::Database::OpenMode::CreateIfMissing);
        demo::DemoOptions opt;
        opt.students = 150;
        opt.nowMs = 1772877348000;
        opt.runChecks = false;
        demo::createDemoSchool(*database, opt);
        // The usage read back from the returns recorded in the database.
        const QHash<QString, int> usage = db::ReviewRepo(*database).reasonUsage();
        QVERIFY(!usage.isEmpty());
        const int returned = db::Query(*database, QStringLiteral("SELECT COUNT(*) FROM photos WHERE decision = 'returned'")).scalar().toInt();
        int sum = 0;
        for (int n : usage)
            sum += n;
        QCOMPARE(sum, returned); // the demo gives one reason per return
        QString top;
        for (auto it = usage.cbegin(); it != usage.cend(); ++it)
            if (top.isEmpty() || it.value() > usage.value(top))
                top = it.key();

        const auto staff = db::StaffRepo(*database).findByUsername(QStringLiteral("admin"));
        ui::AppContext ctx(database, {staff->id, staff->schoolId, staff->username, staff->displayName, staff->role, staff->collegeId});
        ui::ReviewPage page(ctx);
        page.resize(1300, 800);
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.activate();
        QTRY_VERIFY_WITH_TIMEOUT(page.currentPhotoId() != 0 && page.viewer()->detail()
                                     && page.viewer()->detail()->photoId == page.currentPhotoId(), 10000);
        QTest::qWait(300); // the usage is read in the background when the page first shows
        page.findChild<QAction *>(QStringLiteral("returnAction"))->trigger();
        ui::ReturnReasonDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<ui::ReturnReasonDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->codeOnKey(1), top);
        dialog->reject();
    }
};

QTEST_MAIN(TestReturnReasons)
#include "test_return_reasons.moc"
