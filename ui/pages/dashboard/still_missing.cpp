#include "pages/dashboard/still_missing.h"

#include "db/database.h"
#include "db/school_repo.h"
#include "export/table_file.h"
#include "model/records.h"
#include "shell/app_context.h"
#include "shell/message_box.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tucai::ui {

void StillMissingModel::setRows(QList<db::MissingRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int StillMissingModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int StillMissingModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant StillMissingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || role != Qt::DisplayRole)
        return {};
    const db::MissingRow &r = m_rows.at(index.row());
    switch (index.column()) {
    case College: return r.collegeName;
    case Class: return r.className;
    case StudentNo: return r.studentNo;
    case Name: return r.name;
    case State: return displayName(studentStateFromDb(r.state));
    case Paid: return r.paid ? tr("yes") : tr("no");
    default: return {};
    }
}

QVariant StillMissingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case College: return tr("College");
    case Class: return tr("Class");
    case StudentNo: return tr("Student number");
    case Name: return tr("Name");
    case State: return tr("State");
    case Paid: return tr("Paid");
    default: return {};
    }
}

QString stillMissingText(const QList<db::MissingRow> &rows)
{
    QString out;
    QString lastClass;
    int inClass = 0;
    for (int i = 0; i < rows.size(); ++i) {
        const db::MissingRow &r = rows.at(i);
        const QString cls = r.collegeName + QLatin1Char(' ') + r.className;
        if (cls != lastClass) {
            inClass = 0;
            for (int j = i; j < rows.size() && rows.at(j).collegeName + QLatin1Char(' ') + rows.at(j).className == cls; ++j)
                ++inClass;
            if (!out.isEmpty())
                out += QLatin1Char('\n');
            out += QCoreApplication::translate("StillMissing", "%1: %n student(s) still without an approved photo", nullptr, inClass)
                       .arg(cls)
                + QLatin1Char('\n');
            lastClass = cls;
        }
        out += QStringLiteral("%1 %2 (%3)\n").arg(r.studentNo, r.name, displayName(studentStateFromDb(r.state)));
    }
    return out;
}

bool saveStillMissingXlsx(const QList<db::MissingRow> &rows, const QString &path, QString *error)
{
    exporting::Table t;
    t.sheetName = QCoreApplication::translate("StillMissing", "Still missing");
    t.headers = {QCoreApplication::translate("StillMissing", "College"), QCoreApplication::translate("StillMissing", "Class"),
                 QCoreApplication::translate("StillMissing", "Student number"), QCoreApplication::translate("StillMissing", "Name"),
                 QCoreApplication::translate("StillMissing", "State"), QCoreApplication::translate("StillMissing", "Paid")};
    t.columnWidths = {20, 14, 14, 10, 14, 6};
    for (const db::MissingRow &r : rows)
        t.rows.append({r.collegeName, r.className, r.studentNo, r.name, displayName(studentStateFromDb(r.state)),
                       r.paid ? QCoreApplication::translate("StillMissing", "yes") : QCoreApplication::translate("StillMissing", "no")});
    return exporting::writeXlsx(t, path, error);
}

StillMissingWidget::StillMissingWidget(AppContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("stillMissing"));
    m_college = new QComboBox(this);
    m_college->setObjectName(QStringLiteral("missingCollege"));
    m_class = new QComboBox(this);
    m_class->setObjectName(QStringLiteral("missingClass"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("missingCount"));
    auto *copy = new QPushButton(tr("&Copy as text"), this);
    copy->setObjectName(QStringLiteral("missingCopy"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setToolTip(tr("Copy the list for the class chat (%1)").arg(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)));
    auto *save = new QPushButton(tr("&Save as XLSX..."), this);
    save->setObjectName(QStringLiteral("missingSave"));
    save->setShortcut(QKeySequence::Save);
    save->setToolTip(tr("Save the list as an Excel file (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_model = new StillMissingModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("missingView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    const QByteArray header = QSettings().value(QStringLiteral("dashboard/missingHeader")).toByteArray();
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this] { QSettings().setValue(QStringLiteral("dashboard/missingHeader"), m_view->horizontalHeader()->saveState()); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("College:"), this));
    bar->addWidget(m_college, 1);
    bar->addWidget(new QLabel(tr("Class:"), this));
    bar->addWidget(m_class, 1);
    bar->addWidget(m_count);
    bar->addStretch();
    bar->addWidget(copy);
    bar->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    fillColleges();
    connect(m_college, &QComboBox::currentIndexChanged, this, [this] {
        fillClasses();
        reload();
    });
    connect(m_class, &QComboBox::currentIndexChanged, this, &StillMissingWidget::reload);
    connect(copy, &QPushButton::clicked, this, &StillMissingWidget::copyToClipboard);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the still-missing list"),
                                                          dir + QStringLiteral("/still_missing.xlsx"), tr("Excel files (*.xlsx)"));
        if (!path.isEmpty())
            saveXlsx(path);
    });
}

void StillMissingWidget::fillColleges()
{
    const QSignalBlocker block(m_college);
    m_college->clear();
    const accounts::Session &s = m_context.session();
    db::SchoolRepo schools(m_context.database());
    if (s.role != StaffRole::CollegeAdmin)
        m_college->addItem(tr("All colleges"), qint64(0));
    for (const College &c : schools.colleges(s.schoolId))
        if (s.role != StaffRole::CollegeAdmin || c.id == s.collegeId)
            m_college->addItem(c.name, c.id);
    fillClasses();
}

void StillMissingWidget::fillClasses()
{
    const QSignalBlocker block(m_class);
    m_class->clear();
    m_class->addItem(tr("All classes"), qint64(0));
    const qint64 college = m_college->currentData().toLongLong();
    if (!college)
        return;
    for (const ClassInfo &c : db::SchoolRepo(m_context.database()).classes(college))
        m_class->addItem(c.name, c.id);
}

void StillMissingWidget::reload()
{
    db::ExportSelection sel;
    sel.schoolId = m_context.session().schoolId;
    if (const qint64 c = m_college->currentData().toLongLong())
        sel.collegeIds = {c};
    else if (m_context.session().role == StaffRole::CollegeAdmin)
        sel.collegeIds = {m_context.session().collegeId};
    if (const qint64 k = m_class->currentData().toLongLong())
        sel.classIds = {k};
    const int generation = ++m_generation;
    auto database = m_context.sharedDatabase();
    using Result = std::pair<QList<db::MissingRow>, QString>;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer request is on its way
        const Result r = watcher->result();
        if (!r.second.isEmpty()) {
            m_count->setText(r.second);
            return;
        }
        // A reload after a change elsewhere keeps the current student and the student at the top.
        const auto idAt = [this](int row) { return row >= 0 && row < m_model->rows().size() ? m_model->rows().at(row).studentId : 0; };
        const qint64 current = idAt(m_view->currentIndex().row());
        const qint64 top = idAt(m_view->rowAt(0));
        const int column = std::max(0, m_view->currentIndex().column());
        m_model->setRows(r.first);
        int currentRow = -1, topRow = -1;
        for (int row = 0; row < m_model->rows().size() && (current || top); ++row) {
            const qint64 id = m_model->rows().at(row).studentId;
            if (id == top)
                topRow = row;
            if (id == current)
                currentRow = row;
        }
        if (currentRow >= 0)
            m_view->selectionModel()->setCurrentIndex(m_model->index(currentRow, column),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        if (topRow >= 0)
            m_view->scrollTo(m_model->index(topRow, 0), QAbstractItemView::PositionAtTop);
        m_count->setText(tr("%n student(s) still missing", nullptr, int(m_model->rows().size())));
    });
    watcher->setFuture(QtConcurrent::run([database, sel]() -> Result {
        try {
            return {db::ExportRepo(*database).stillMissing(sel), {}};
        } catch (const db::DbError &e) {
            return {{}, e.message()};
        }
    }));
}

void StillMissingWidget::copyToClipboard()
{
    QApplication::clipboard()->setText(stillMissingText(m_model->rows()));
}

bool StillMissingWidget::saveXlsx(const QString &path)
{
    QString error;
    if (!saveStillMissingXlsx(m_model->rows(), path, &error)) {
        MessageBox::warning(this, tr("Save the still-missing list"), tr("The file could not be written: %1").arg(error));
        return false;
    }
    return true;
}

} // namespace tucai::ui
