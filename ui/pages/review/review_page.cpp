#include "pages/review/review_page.h"

#include "checks/check_profile.h"
#include "db/database.h"
#include "db/change_watch.h"
#include "db/review_repo.h"
#include "db/school_repo.h"
#include "pages/review/photo_viewer.h"
#include "pages/review/queue_model.h"
#include "pages/review/return_reason_dialog.h"
#include "pages/review/student_panel.h"
#include "review/reason_catalog.h"
#include "review/recheck_job.h"
#include "shell/app_context.h"
#include "shell/display_names.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tucai::ui {

using review::PhotoDetailPtr;

namespace {

constexpr int kPrefetchAhead = 3;

// The order box's item data: sort key * 2 + descending (the header's sort indicator mirrors it).
int orderData(review::QueueSort key, bool descending) { return int(key) * 2 + (descending ? 1 : 0); }
void setOrder(review::QueueQuery &q, int data)
{
    q.sort = review::QueueSort(data / 2);
    q.descending = data % 2;
}

QString timeText(qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString(); }

QIcon swatch(const QColor &c)
{
    // Drawn for each usual scale factor: a single 14 px pixmap would be blurred at 150 % and 200 %.
    QIcon icon;
    for (const qreal dpr : {1.0, 1.5, 2.0, 3.0}) {
        QPixmap pm(QSize(14, 14) * dpr);
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setPen(c.darker(140));
        p.setBrush(c);
        p.drawRect(QRectF(1, 1, 11, 11));
        icon.addPixmap(pm);
    }
    return icon;
}

QString ruleTitle(const QString &rule)
{
    for (const checks::RuleInfo &info : checks::ruleCatalog())
        if (info.id == rule)
            return review::preferChinese() ? info.titleZh : info.title;
    return rule;
}

} // namespace

ReviewPage::ReviewPage(AppContext &context, QWidget *parent) : Page(context, parent)
{
    setObjectName(QStringLiteral("reviewPage"));
    const accounts::Session &s = context.session();
    m_scope = {s.staffId, s.schoolId, s.role, s.collegeId, s.displayName};
    m_loader = std::make_unique<review::PhotoLoader>(context.sharedDatabase());
    m_service = std::make_unique<review::DecisionService>(context.database(), m_scope);
    m_profile = std::make_unique<checks::CheckProfile>(checks::CheckProfile::loadDefault());
    m_profileName = tr("default profile");

    auto *layout = new QVBoxLayout(this);
    auto *filterBar = new QWidget(this);
    buildFilters(filterBar);
    layout->addWidget(filterBar);

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setObjectName(QStringLiteral("reviewSplitter"));
    layout->addWidget(m_split, 1);

    // Left: the queue.
    auto *left = new QWidget(m_split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_count = new QLabel(tr("Loading…"), left);
    m_count->setObjectName(QStringLiteral("queueCount"));
    m_count->setWordWrap(true);
    leftLayout->addWidget(m_count);
    m_model = new QueueModel(context.sharedDatabase(), m_scope, m_loader.get(), this);
    m_queue = new QTableView(left);
    m_queue->setObjectName(QStringLiteral("reviewQueue"));
    m_queue->setModel(m_model);
    m_queue->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queue->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_queue->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queue->setIconSize(QSize(36, 48));
    m_queue->verticalHeader()->setDefaultSectionSize(52);
    m_queue->verticalHeader()->hide();
    m_queue->horizontalHeader()->setStretchLastSection(true);
    // Sorting happens in the database (keyset paging per order), so the view's own
    // sorting stays off: a header click picks the order the same way the combo box does.
    m_queue->horizontalHeader()->setSectionsClickable(true);
    m_queue->horizontalHeader()->setSortIndicatorShown(true);
    m_queue->horizontalHeader()->setSortIndicator(QueueModel::TimeColumn, Qt::AscendingOrder);
    connect(m_queue->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &ReviewPage::sortByColumn);
    m_queue->setColumnWidth(QueueModel::PhotoColumn, 48);
    m_queue->setWordWrap(false);
    leftLayout->addWidget(m_queue, 1);

    // Centre: actions, the photo, its violations.
    auto *centre = new QWidget(m_split);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    buildActions();
    auto *toolbar = new QHBoxLayout;
    auto addButton = [&](QAction *a, const char *name) {
        auto *b = new QToolButton(centre);
        b->setDefaultAction(a);
        b->setObjectName(QString::fromLatin1(name));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        toolbar->addWidget(b);
        return b;
    };
    addButton(m_approveAct, "approveButton");
    addButton(m_returnAct, "returnButton");
    addButton(m_skipAct, "skipButton");
    addButton(m_prevAct, "previousButton");
    addButton(m_nextAct, "nextButton");
    addButton(m_undoAct, "undoButton");
    toolbar->addStretch(1);
    centreLayout->addLayout(toolbar);
    // Second row: the view and the batch/re-check menus (one row would make the centre too wide).
    toolbar = new QHBoxLayout;
    addButton(m_fitAct, "fitButton");
    addButton(m_actualAct, "actualSizeButton");
    addButton(m_zoomInAct, "zoomInButton");
    addButton(m_zoomOutAct, "zoomOutButton");
    toolbar->addStretch(1);

    auto *batch = new QToolButton(centre);
    batch->setObjectName(QStringLiteral("batchButton"));
    batch->setText(tr("Batch"));
    batch->setPopupMode(QToolButton::InstantPopup);
    auto *batchMenu = new QMenu(batch);
    QAction *a = batchMenu->addAction(tr("Approve selected"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this, &ReviewPage::approveSelected);
    a->setObjectName(QStringLiteral("approveSelectedAction"));
    addAction(a);
    a = batchMenu->addAction(tr("Return selected…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this, &ReviewPage::returnSelected);
    a->setObjectName(QStringLiteral("returnSelectedAction"));
    addAction(a);
    batchMenu->addSeparator();
    a = batchMenu->addAction(tr("Approve everything that passes every rule…"), this, &ReviewPage::approveAllPassing);
    a->setObjectName(QStringLiteral("approvePassingAction"));
    for (QAction *act : batchMenu->actions())
        act->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    batch->setMenu(batchMenu);
    toolbar->addWidget(batch);

    auto *recheck = new QToolButton(centre);
    recheck->setObjectName(QStringLiteral("recheckButton"));
    recheck->setText(tr("Re-check"));
    recheck->setPopupMode(QToolButton::InstantPopup);
    auto *recheckMenu = new QMenu(recheck);
    recheckMenu->addAction(m_recheckAct);
    a = recheckMenu->addAction(tr("Re-check the selection"), this, &ReviewPage::recheckSelection);
    a->setObjectName(QStringLiteral("recheckSelectionAction"));
    a = recheckMenu->addAction(tr("Re-check everything matching the filter"), this, &ReviewPage::recheckAllMatching);
    a->setObjectName(QStringLiteral("recheckAllAction"));
    recheckMenu->addSeparator();
    a = recheckMenu->addAction(tr("Choose check profile…"), this, &ReviewPage::chooseProfile);
    a->setObjectName(QStringLiteral("chooseProfileAction"));
    recheck->setMenu(recheckMenu);
    recheck->setToolTip(tr("Run the check engine again (profile: %1)").arg(m_profileName));
    toolbar->addWidget(recheck);
    centreLayout->addLayout(toolbar);

    m_photoTitle = new QLabel(centre);
    m_photoTitle->setObjectName(QStringLiteral("photoTitle"));
    m_photoTitle->setTextFormat(Qt::RichText);
    m_photoTitle->setWordWrap(true);
    centreLayout->addWidget(m_photoTitle);

    m_centreSplit = new QSplitter(Qt::Vertical, centre);
    m_centreSplit->setObjectName(QStringLiteral("reviewCentreSplitter"));
    m_viewer = new PhotoViewer(m_centreSplit);
    auto *violationsBox = new QWidget(m_centreSplit);
    auto *vLayout = new QVBoxLayout(violationsBox);
    vLayout->setContentsMargins(0, 0, 0, 0);
    m_recheckNow = new QPushButton(tr("Not checked yet: check it now (Ctrl+R)"), violationsBox);
    m_recheckNow->setObjectName(QStringLiteral("recheckNowButton"));
    m_recheckNow->hide();
    connect(m_recheckNow, &QPushButton::clicked, this, &ReviewPage::recheckCurrent);
    vLayout->addWidget(m_recheckNow);
    m_violations = new QTreeWidget(violationsBox);
    m_violations->setObjectName(QStringLiteral("violationsList"));
    m_violations->setRootIsDecorated(false);
    m_violations->setHeaderLabels({tr("Rule"), tr("Result"), tr("Measured"), tr("Limit"), tr("Message")});
    m_violations->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_violations->setColumnWidth(0, 150);
    m_violations->setColumnWidth(1, 70);
    m_violations->setColumnWidth(2, 70);
    m_violations->setColumnWidth(3, 80);
    vLayout->addWidget(m_violations);
    m_centreSplit->addWidget(m_viewer);
    m_centreSplit->addWidget(violationsBox);
    m_centreSplit->setStretchFactor(0, 3);
    m_centreSplit->setStretchFactor(1, 1);
    centreLayout->addWidget(m_centreSplit, 1);

    auto *statusRow = new QHBoxLayout;
    m_message = new QLabel(centre);
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_message->setWordWrap(true);
    statusRow->addWidget(m_message, 1);
    m_progress = new QProgressBar(centre);
    m_progress->setObjectName(QStringLiteral("recheckProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    statusRow->addWidget(m_progress);
    m_cancelRecheck = new QPushButton(tr("Cancel"), centre);
    m_cancelRecheck->setObjectName(QStringLiteral("recheckCancel"));
    m_cancelRecheck->hide();
    connect(m_cancelRecheck, &QPushButton::clicked, this, [this] {
        if (m_recheck)
            m_recheck->cancel();
    });
    statusRow->addWidget(m_cancelRecheck);
    centreLayout->addLayout(statusRow);

    // Right: overlay layers (also the legend) and the student.
    auto *right = new QWidget(m_split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Overlay layers:"), right));
    m_layers = new QListWidget(right);
    m_layers->setObjectName(QStringLiteral("overlayLayers"));
    for (int i = 0; i < PhotoViewer::kLayerCount; ++i) {
        const auto layer = PhotoViewer::Layer(i);
        auto *item = new QListWidgetItem(swatch(PhotoViewer::layerColor(layer)), PhotoViewer::layerName(layer), m_layers);
        item->setToolTip(PhotoViewer::layerHelp(layer));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(m_viewer->isLayerVisible(layer) ? Qt::Checked : Qt::Unchecked);
        item->setData(Qt::UserRole, i);
    }
    m_layers->setMaximumHeight(m_layers->sizeHintForRow(0) * (PhotoViewer::kLayerCount + 1));
    connect(m_layers, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        m_viewer->setLayerVisible(PhotoViewer::Layer(item->data(Qt::UserRole).toInt()), item->checkState() == Qt::Checked);
    });
    rightLayout->addWidget(m_layers);
    auto *legend = new QLabel(tr("<span style='color:#e61e1e'>■</span> failed rule &nbsp; "
                                 "<span style='color:#ff9600'>▪▪</span> undecided rule &nbsp; "
                                 "<span style='color:#d4c000'>■</span> selected rule"),
                              right);
    legend->setObjectName(QStringLiteral("overlayLegend"));
    legend->setWordWrap(true); // a narrow column on a small screen: wrap instead of widening the page
    rightLayout->addWidget(legend);
    m_student = new StudentPanel(right);
    rightLayout->addWidget(m_student, 1);

    m_split->setStretchFactor(0, 2);
    m_split->setStretchFactor(1, 4);
    m_split->setStretchFactor(2, 2);

    connect(m_queue->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current.isValid() ? current.row() : -1); });
    connect(m_model, &QueueModel::pageLoaded, this, [this](int first, int count) {
        if (m_restore.active) {
            continueRestore();
            return;
        }
        if (m_pendingAdvance && m_currentRow + 1 < m_model->rowCount()) {
            m_pendingAdvance = false;
            selectRow(m_currentRow + 1);
        } else if (m_currentRow < 0 && first == 0 && count > 0) {
            // A fresh queue opens on its first photo, or on the one being looked at before a refresh.
            const int again = m_wantedId ? m_model->findPhoto(m_wantedId) : -1;
            selectRow(again >= 0 ? again : 0);
        }
    });
    connect(m_model, &QueueModel::totalCountChanged, this, [this](qint64 n) {
        m_count->setText(n < 0 ? tr("Could not count the photos") : tr("%n photo(s) match the filter", nullptr, int(std::min<qint64>(n, INT_MAX))));
    });
    connect(m_model, &QueueModel::loadFailed, this, [this](const QString &why) {
        setMessage(why, true);
        if (m_restore.active)
            finishRestore();
    });
    connect(m_loader.get(), &review::PhotoLoader::loaded, this, [this](qint64 id) {
        if (id == m_wantedId)
            showDetail(m_loader->cached(id));
    });
    connect(m_violations, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_viewer->setHighlightedRule(item ? item->data(0, Qt::UserRole).toString() : QString());
    });
    connect(&m_batch, &QFutureWatcher<QList<review::DecisionResult>>::finished, this, [this] {
        const QList<review::DecisionResult> results = m_batch.result();
        afterDecisions(results, false);
    });
    connect(&context, &AppContext::dataChanged, this, [this](const QString &what) {
        if (what != QLatin1String("review"))
            m_loader->clear();
    });
    restoreLayout();
}

ReviewPage::~ReviewPage()
{
    saveLayout();
    if (m_recheck)
        m_recheck->cancel();
    m_batch.waitForFinished();
}

void ReviewPage::buildActions()
{
    auto make = [this](const QString &text, const QKeySequence &key, const char *name, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        // The shortcut shows on the button itself and in its tooltip.
        a->setText(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        a->setToolTip(a->text());
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_approveAct = make(tr("Approve"), QKeySequence(Qt::Key_A), "approveAction", &ReviewPage::approve);
    m_returnAct = make(tr("Return…"), QKeySequence(Qt::Key_R), "returnAction", &ReviewPage::returnPhoto);
    m_skipAct = make(tr("Skip"), QKeySequence(Qt::Key_S), "skipAction", &ReviewPage::skip);
    m_prevAct = make(tr("Previous"), QKeySequence(Qt::Key_Left), "previousAction", &ReviewPage::previous);
    m_nextAct = make(tr("Next"), QKeySequence(Qt::Key_Right), "nextAction", &ReviewPage::next);
    m_undoAct = make(tr("Undo"), QKeySequence(QKeySequence::Undo), "undoAction", &ReviewPage::undo);
    m_fitAct = make(tr("Fit"), QKeySequence(Qt::Key_F), "fitAction", [this] { m_viewer->fitToWindow(); });
    m_actualAct = make(tr("100%"), QKeySequence(Qt::Key_1), "actualSizeAction", [this] { m_viewer->actualSize(); });
    m_zoomInAct = make(tr("Zoom in"), QKeySequence(Qt::Key_Plus), "zoomInAction", [this] { m_viewer->zoomBy(1.25); });
    m_zoomOutAct = make(tr("Zoom out"), QKeySequence(Qt::Key_Minus), "zoomOutAction", [this] { m_viewer->zoomBy(0.8); });
    m_recheckAct = make(tr("Re-check this photo"), QKeySequence(Qt::CTRL | Qt::Key_R), "recheckAction", &ReviewPage::recheckCurrent);
    m_approveAct->setToolTip(tr("Approve this photo and show the next (%1)").arg(QStringLiteral("A")));
    m_returnAct->setToolTip(tr("Return this photo with reasons (%1)").arg(QStringLiteral("R")));
    m_skipAct->setToolTip(tr("Leave this photo for later and show the next (%1)").arg(QStringLiteral("S")));
    m_undoAct->setToolTip(tr("Take back the last decision while the student has not acted on it (%1)")
                              .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
}

void ReviewPage::buildFilters(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_college = new QComboBox(bar);
    m_college->setObjectName(QStringLiteral("filterCollege"));
    m_college->addItem(tr("All colleges"), 0);
    try {
        for (const auto &c : db::ReviewRepo(context().database()).scopedColleges(m_scope))
            m_college->addItem(c.second, c.first);
    } catch (const db::DbError &e) {
        setMessage(e.message(), true);
    }
    m_class = new QComboBox(bar);
    m_class->setObjectName(QStringLiteral("filterClass"));
    m_class->setMinimumContentsLength(10);
    m_status = new QComboBox(bar);
    m_status->setObjectName(QStringLiteral("filterStatus"));
    m_status->addItem(tr("To review"), QStringLiteral("submitted"));
    m_status->addItem(tr("Drafts"), QStringLiteral("draft"));
    m_status->addItem(tr("Approved"), QStringLiteral("approved"));
    m_status->addItem(tr("Returned"), QStringLiteral("returned"));
    m_status->addItem(tr("All"), QString());
    m_rule = new QComboBox(bar);
    m_rule->setObjectName(QStringLiteral("filterRule"));
    m_rule->addItem(tr("Any rule"), QString());
    for (const checks::RuleInfo &info : checks::ruleCatalog())
        m_rule->addItem(review::preferChinese() ? info.titleZh : info.title, info.id);
    auto dateEdit = [bar](const char *name) {
        auto *d = new QDateEdit(bar);
        d->setObjectName(QString::fromLatin1(name));
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setMinimumDate(QDate(2000, 1, 1));
        d->setSpecialValueText(ReviewPage::tr("any day"));
        d->setDate(d->minimumDate());
        return d;
    };
    m_from = dateEdit("filterFrom");
    m_to = dateEdit("filterTo");
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("filterSearch"));
    m_search->setPlaceholderText(tr("Student no. or name (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] { m_search->setFocus(); m_search->selectAll(); });
    addAction(find);
    m_order = new QComboBox(bar);
    m_order->setObjectName(QStringLiteral("filterOrder"));
    m_order->setToolTip(tr("Order of the queue (or click a column header)"));
    const auto order = [this](const QString &text, review::QueueSort key, bool descending) {
        m_order->addItem(text, orderData(key, descending));
    };
    order(tr("Oldest first"), review::QueueSort::Time, false);
    order(tr("Newest first"), review::QueueSort::Time, true);
    order(tr("Student no. ascending"), review::QueueSort::StudentNo, false);
    order(tr("Student no. descending"), review::QueueSort::StudentNo, true);
    order(tr("Name ascending"), review::QueueSort::Name, false);
    order(tr("Name descending"), review::QueueSort::Name, true);
    order(tr("Class ascending"), review::QueueSort::Class, false);
    order(tr("Class descending"), review::QueueSort::Class, true);
    order(tr("Status ascending"), review::QueueSort::Status, false);
    order(tr("Status descending"), review::QueueSort::Status, true);

    // Sized by a few characters rather than their longest item (a college's full name, a long
    // rule title): the filter row then fits a 1366 px screen; the lists open at full width.
    for (const auto &[box, chars] : {std::pair{m_college, 8}, std::pair{m_class, 8}, std::pair{m_status, 4},
                                     std::pair{m_rule, 8}, std::pair{m_order, 6}}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(chars);
        box->view()->setMinimumWidth(box->view()->sizeHintForColumn(0) + 24);
    }
    row->addWidget(m_college);
    row->addWidget(m_class);
    row->addWidget(m_status);
    row->addWidget(m_rule);
    row->addWidget(new QLabel(tr("From"), bar));
    row->addWidget(m_from);
    row->addWidget(new QLabel(tr("to"), bar));
    row->addWidget(m_to);
    row->addWidget(m_search, 1);
    row->addWidget(m_order);
    reloadClasses();

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(debounce, &QTimer::timeout, this, &ReviewPage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this, debounce] {
        debounce->stop();
        applyFilters();
        m_queue->setFocus();
    });
    connect(m_college, &QComboBox::currentIndexChanged, this, [this] {
        reloadClasses();
        applyFilters();
    });
    for (QComboBox *c : {m_class, m_status, m_rule, m_order})
        connect(c, &QComboBox::currentIndexChanged, this, &ReviewPage::applyFilters);
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, &ReviewPage::applyFilters);
}

void ReviewPage::reloadClasses()
{
    const QSignalBlocker block(m_class);
    m_class->clear();
    m_class->addItem(tr("All classes"), 0);
    const qint64 college = m_college->currentData().toLongLong();
    if (!college)
        return;
    try {
        for (const ClassInfo &c : db::SchoolRepo(context().database()).classes(college))
            m_class->addItem(c.name, c.id);
    } catch (const db::DbError &e) {
        setMessage(e.message(), true);
    }
}

void ReviewPage::activate()
{
    if (!m_started) {
        m_started = true;
        applyFilters();
        startLiveQueue();
        auto db = context().sharedDatabase();
        QtConcurrent::run([db] {
            try {
                return db::ReviewRepo(*db).reasonUsage();
            } catch (const db::DbError &) {
                return QHash<QString, int>(); // the dialog then numbers the catalogue's first reasons
            }
        }).then(this, [this](const QHash<QString, int> &usage) { m_reasonUsage = usage; });
    }
    m_queue->setFocus();
}

void ReviewPage::applyFilter(const QVariantMap &filter)
{
    auto pick = [](QComboBox *box, const QVariant &v) {
        const int i = box->findData(v);
        if (i >= 0)
            box->setCurrentIndex(i);
    };
    const QSignalBlocker b1(m_college), b2(m_class), b3(m_status), b4(m_rule), b5(m_search);
    if (filter.contains(QStringLiteral("college"))) {
        pick(m_college, filter.value(QStringLiteral("college")).toLongLong());
        reloadClasses();
    }
    if (filter.contains(QStringLiteral("class")))
        pick(m_class, filter.value(QStringLiteral("class")).toLongLong());
    if (filter.contains(QStringLiteral("status")))
        pick(m_status, filter.value(QStringLiteral("status")).toString());
    if (filter.contains(QStringLiteral("rule")))
        pick(m_rule, filter.value(QStringLiteral("rule")).toString());
    if (filter.contains(QStringLiteral("search")))
        m_search->setText(filter.value(QStringLiteral("search")).toString());
    m_started = true;
    applyFilters();
}

void ReviewPage::applyFilters()
{
    review::QueueQuery q;
    q.status = m_status->currentData().toString();
    q.collegeId = m_college->currentData().toLongLong();
    q.classId = m_class->currentData().toLongLong();
    q.rule = m_rule->currentData().toString();
    if (m_from->date() != m_from->minimumDate())
        q.fromMs = QDateTime(m_from->date(), QTime(0, 0)).toMSecsSinceEpoch();
    if (m_to->date() != m_to->minimumDate())
        q.toMs = QDateTime(m_to->date().addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    q.search = m_search->text().trimmed();
    setOrder(q, m_order->currentData().toInt());
    syncSortIndicator(q);
    m_restore = {};
    m_currentRow = -1;
    m_currentId = 0;
    m_wantedId = 0;
    m_pendingAdvance = false;
    m_count->setText(tr("Loading…"));
    m_viewer->showMessage(tr("Loading the queue…"));
    m_student->clear();
    m_violations->clear();
    m_photoTitle->clear();
    m_model->setQuery(q);
}

void ReviewPage::sortByColumn(int column, Qt::SortOrder order)
{
    const std::optional<review::QueueSort> key = QueueModel::sortForColumn(column);
    if (!key) {
        // Photo and check result are not orders of the queue: the indicator goes back.
        syncSortIndicator(m_model->query());
        return;
    }
    const int i = m_order->findData(orderData(*key, order == Qt::DescendingOrder));
    if (i >= 0 && i != m_order->currentIndex())
        m_order->setCurrentIndex(i); // applies the filters
}

void ReviewPage::syncSortIndicator(const review::QueueQuery &q)
{
    QHeaderView *header = m_queue->horizontalHeader();
    const QSignalBlocker block(header);
    header->setSortIndicator(QueueModel::columnForSort(q.sort), q.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void ReviewPage::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex idx = m_model->index(row, QueueModel::StudentNoColumn);
    m_queue->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_queue->scrollTo(idx);
}

void ReviewPage::showRow(int row)
{
    if (m_restore.active)
        return; // the queue is being reloaded under the reviewer: nothing changes on screen
    const auto r = m_model->rowAt(row);
    if (m_restore.selecting && r && r->id == m_currentId) {
        m_currentRow = row;
        m_wantedId = r->id;
        return;
    }
    m_currentRow = r ? row : -1;
    if (!r) {
        m_currentId = 0;
        m_wantedId = 0;
        m_viewer->showMessage(m_model->rowCount() ? tr("Select a photo") : tr("No photo matches the filter."));
        return;
    }
    m_wantedId = r->id;
    if (PhotoDetailPtr d = m_loader->cached(r->id)) {
        showDetail(d);
    } else {
        m_viewer->showMessage(tr("Loading the photo…"));
        m_loader->load(r->id);
    }
    prefetchAround(row);
}

void ReviewPage::prefetchAround(int row)
{
    for (int i = 1; i <= kPrefetchAhead; ++i)
        if (const auto r = m_model->rowAt(row + i))
            m_loader->load(r->id);
    if (const auto r = m_model->rowAt(row - 1))
        m_loader->load(r->id);
    // Keep the next page coming before the reviewer reaches the end.
    if (row + kPrefetchAhead + 1 >= m_model->rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void ReviewPage::showDetail(const PhotoDetailPtr &d)
{
    if (!d)
        return;
    m_currentId = d->photoId;
    m_viewer->setDetail(d);
    m_student->setDetail(d);
    fillViolations(d);
    const Photo &p = d->photo;
    QString title = QStringLiteral("<b>%1</b> %2 · %3 · %4").arg(d->student.name.toHtmlEscaped(), d->student.studentNo.toHtmlEscaped(),
                                                                 d->className.toHtmlEscaped(), statusDisplay(p.status));
    title += QStringLiteral(" · ") + (p.submittedAt ? tr("submitted %1").arg(timeText(p.submittedAt)) : tr("stored %1").arg(timeText(p.storedAt)));
    if (!p.decision.isEmpty())
        title += QStringLiteral(" · ") + tr("%1 by %2 at %3").arg(statusDisplay(p.decision), d->reviewerName, timeText(p.decidedAt));
    if (!p.reasons.isEmpty() || !p.reasonNote.isEmpty())
        title += QStringLiteral(" · ") + review::ReasonCatalog::instance().displayCodes(p.reasons).toHtmlEscaped()
            + (p.reasonNote.isEmpty() ? QString() : QStringLiteral(" “%1”").arg(p.reasonNote.toHtmlEscaped()));
    if (d->hasReport)
        title += QStringLiteral("<br><small>") + tr("Checked %1 by %2, profile %3").arg(timeText(p.checkedAt), p.engineVersion, p.profileVersion)
            + QStringLiteral("</small>");
    m_photoTitle->setText(title);
    Q_EMIT photoShown(d->photoId);
}

void ReviewPage::fillViolations(const PhotoDetailPtr &d)
{
    m_violations->clear();
    m_recheckNow->setVisible(!d->hasReport && d->photo.id);
    if (!d->hasReport) {
        auto *item = new QTreeWidgetItem(m_violations, {tr("Not checked"), QString(), QString(), QString(),
                                                        tr("No check report is stored for this photo yet. Re-check it (Ctrl+R).")});
        item->setForeground(0, Qt::gray);
        return;
    }
    if (!d->report.decoded) {
        new QTreeWidgetItem(m_violations, {tr("Unreadable"), tr("failed"), QString(), QString(), d->report.error});
    }
    const bool zh = review::preferChinese();
    auto add = [&](const checks::RuleResult &r) {
        QString result;
        QColor colour;
        switch (r.status) {
        case checks::RuleStatus::Fail:
            result = r.severity == checks::Severity::Warning ? tr("warning") : tr("failed");
            colour = QColor(200, 30, 30);
            break;
        case checks::RuleStatus::Uncertain:
            result = tr("uncertain");
            colour = QColor(220, 120, 0);
            break;
        default:
            result = tr("passed");
            colour = QColor(30, 130, 60);
        }
        QString message = zh && !r.messageZh.isEmpty() ? r.messageZh : r.message;
        if (r.status != checks::RuleStatus::Pass && !r.why.isEmpty())
            message += QStringLiteral(" (") + checks::whyText(r.why) + QLatin1Char(')');
        auto *item = new QTreeWidgetItem(m_violations, {ruleTitle(r.rule), result, r.value ? QString::number(*r.value, 'g', 4) : QString(),
                                                        thresholdText(r.threshold), message});
        item->setData(0, Qt::UserRole, r.rule);
        item->setForeground(1, colour);
        item->setToolTip(0, r.rule);
        item->setToolTip(4, message);
    };
    // Failures first, then what the engine could not decide, then the passes.
    for (auto status : {checks::RuleStatus::Fail, checks::RuleStatus::Uncertain, checks::RuleStatus::Pass})
        for (const checks::RuleResult &r : d->report.results)
            if (r.status == status)
                add(r);
}

void ReviewPage::setMessage(const QString &text, bool error)
{
    if (!m_message)
        return;
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
    m_message->setText(text);
}

QString ReviewPage::lastMessage() const { return m_message->text(); }

bool ReviewPage::isBusy() const { return m_batch.isRunning() || (m_recheck && m_recheck->isRunning()) || m_restore.active; }

QList<int> ReviewPage::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_queue->selectionModel()->selectedRows())
        rows.append(i.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

QStringList ReviewPage::violatedRules() const
{
    QStringList rules;
    if (const PhotoDetailPtr d = m_viewer->detail())
        for (const checks::RuleResult &r : d->report.violations())
            rules.append(r.rule);
    return rules;
}

void ReviewPage::saveLayout() const
{
    QSettings s;
    s.setValue(QStringLiteral("review/splitter"), m_split->saveState());
    s.setValue(QStringLiteral("review/centreSplitter"), m_centreSplit->saveState());
    s.setValue(QStringLiteral("review/queueHeader"), m_queue->horizontalHeader()->saveState());
    s.setValue(QStringLiteral("review/order"), m_order->currentData().toInt());
    s.setValue(QStringLiteral("review/violationsHeader"), m_violations->header()->saveState());
    QStringList layers;
    for (int i = 0; i < PhotoViewer::kLayerCount; ++i)
        if (m_viewer->isLayerVisible(PhotoViewer::Layer(i)))
            layers.append(QString::number(i));
    s.setValue(QStringLiteral("review/layers"), layers);
}

void ReviewPage::restoreLayout()
{
    QSettings s;
    m_split->setSizes({440, 820, 360});
    m_centreSplit->setSizes({640, 220});
    m_queue->setColumnWidth(QueueModel::StudentNoColumn, 100);
    m_queue->setColumnWidth(QueueModel::NameColumn, 70);
    m_queue->setColumnWidth(QueueModel::ClassColumn, 90);
    m_queue->setColumnWidth(QueueModel::TimeColumn, 120);
    m_queue->setColumnWidth(QueueModel::StatusColumn, 70);
    m_split->restoreState(s.value(QStringLiteral("review/splitter")).toByteArray());
    m_centreSplit->restoreState(s.value(QStringLiteral("review/centreSplitter")).toByteArray());
    {
        // The header's state includes its sort indicator; the order itself is the combo box's.
        const QSignalBlocker block(m_queue->horizontalHeader());
        m_queue->horizontalHeader()->restoreState(s.value(QStringLiteral("review/queueHeader")).toByteArray());
    }
    const int order = m_order->findData(s.value(QStringLiteral("review/order"), 0).toInt());
    if (order >= 0) {
        const QSignalBlocker block(m_order);
        m_order->setCurrentIndex(order);
    }
    review::QueueQuery q;
    setOrder(q, m_order->currentData().toInt());
    syncSortIndicator(q);
    m_violations->header()->restoreState(s.value(QStringLiteral("review/violationsHeader")).toByteArray());
    if (s.contains(QStringLiteral("review/layers"))) {
        const QStringList layers = s.value(QStringLiteral("review/layers")).toStringList();
        for (int i = 0; i < m_layers->count(); ++i)
            m_layers->item(i)->setCheckState(layers.contains(QString::number(i)) ? Qt::Checked : Qt::Unchecked);
    }
}

} // namespace tucai::ui
