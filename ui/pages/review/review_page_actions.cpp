// ReviewPage: decisions, batches and re-checks (the layout lives in review_page.cpp).
#include "pages/review/review_page.h"

#include "checks/check_profile.h"
#include "db/database.h"
#include "db/review_repo.h"
#include "pages/review/photo_viewer.h"
#include "pages/review/queue_model.h"
#include "pages/review/return_reason_dialog.h"
#include "review/reason_catalog.h"
#include "review/recheck_job.h"
#include "shell/app_context.h"
#include "shell/message_box.h"

#include <QFileDialog>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QtConcurrent>

namespace tucai::ui {

using review::Decision;
using review::DecisionResult;

void ReviewPage::approve()
{
    const review::PhotoDetailPtr d = m_viewer->detail();
    if (!d || d->photoId != m_currentId || isBusy()) {
        setMessage(isBusy() ? tr("Please wait for the running batch to finish.") : tr("No photo is shown."), true);
        return;
    }
    Decision decision;
    decision.photoId = d->photoId;
    decision.rowVersion = d->photo.rowVersion;
    decision.approve = true;
    afterDecisions({m_service->decide(decision)}, true);
}

void ReviewPage::returnPhoto()
{
    if (!m_viewer->detail() || m_viewer->detail()->photoId != m_currentId) {
        setMessage(tr("No photo is shown."), true);
        return;
    }
    openReturnReasonDialog({});
}

void ReviewPage::returnSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty()) {
        setMessage(tr("Select the photos to return first."), true);
        return;
    }
    openReturnReasonDialog(rows);
}

void ReviewPage::openReturnReasonDialog(const QList<int> &rows)
{
    if (isBusy()) {
        setMessage(tr("Please wait for the running batch to finish."), true);
        return;
    }
    if (m_reasonDialog)
        m_reasonDialog->close();
    const QStringList suggested = rows.isEmpty() ? review::ReasonCatalog::instance().codesForRules(violatedRules()) : QStringList();
    auto *dialog = new ReturnReasonDialog(suggested, rows.isEmpty() ? 1 : int(rows.size()), m_reasonUsage, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_reasonDialog = dialog;
    const qint64 photoId = m_currentId;
    const int rowVersion = m_viewer->detail() ? m_viewer->detail()->photo.rowVersion : 0;
    // Window-modal and asynchronous: the page acts when the dialog is accepted.
    connect(dialog, &QDialog::accepted, this, [this, dialog, rows, photoId, rowVersion] {
        QList<Decision> decisions;
        if (rows.isEmpty()) {
            decisions.append({photoId, rowVersion, false, dialog->codes(), dialog->note()});
            afterDecisions({m_service->decide(decisions.constFirst())}, true);
            return;
        }
        for (int row : rows)
            if (const auto r = m_model->rowAt(row))
                decisions.append({r->id, r->rowVersion, false, dialog->codes(), dialog->note()});
        runBatch(decisions);
    });
    dialog->open();
}

void ReviewPage::skip() { next(); }

void ReviewPage::next()
{
    if (m_currentRow + 1 < m_model->rowCount()) {
        selectRow(m_currentRow + 1);
    } else if (m_model->canFetchMore({}) || m_model->isLoading()) {
        m_pendingAdvance = true;
        if (m_model->canFetchMore({}))
            m_model->fetchMore({});
    } else {
        setMessage(tr("End of the queue."));
    }
}

void ReviewPage::previous()
{
    if (m_currentRow > 0)
        selectRow(m_currentRow - 1);
}

void ReviewPage::afterDecisions(const QList<DecisionResult> &results, bool moveOn)
{
    QList<review::DecisionReceipt> receipts;
    QStringList problems;
    for (const DecisionResult &r : results) {
        const qint64 id = r.ok() ? r.receipt.photoId : 0;
        if (r.ok()) {
            receipts.append(r.receipt);
            m_loader->invalidate(id);
            m_model->updateRow(m_model->findPhoto(id), r.receipt.approve ? QStringLiteral("approved") : QStringLiteral("returned"),
                               r.receipt.rowVersion);
        } else {
            problems.append(r.message);
        }
    }
    if (!receipts.isEmpty()) {
        m_undo.append(receipts);
        Q_EMIT context().dataChanged(QStringLiteral("review"));
    }
    const int ok = int(receipts.size());
    const int failed = int(results.size()) - ok;
    if (results.size() == 1 && failed == 1) {
        const DecisionResult &r = results.constFirst();
        setMessage(r.message, true);
        if (r.status == DecisionResult::Status::Conflict) {
            MessageBox::warning(this, tr("Already decided"), r.message);
            // Show the photo as it is now.
            m_loader->invalidate(m_currentId);
            const int row = m_currentRow;
            m_currentRow = -1;
            showRow(row);
        } else if (r.status != DecisionResult::Status::Invalid) {
            MessageBox::warning(this, tr("Decision not saved"), r.message);
        }
    } else if (results.size() == 1) {
        setMessage(results.constFirst().message + QLatin1Char(' ') + tr("Ctrl+Z takes it back."));
    } else {
        QString text = tr("%1 of %2 photos decided.").arg(ok).arg(results.size());
        if (failed)
            text += QLatin1Char(' ') + tr("%n could not be decided: %1", nullptr, failed).arg(problems.constFirst());
        setMessage(text, failed > 0);
        if (failed)
            MessageBox::warning(this, tr("Some photos were not decided"), text);
    }
    Q_EMIT decisionsApplied(ok, failed);
    if (moveOn && ok == 1 && results.size() == 1)
        next();
    else if (results.size() > 1 && m_currentRow >= 0) {
        // The shown photo may have been part of the batch.
        const int row = m_currentRow;
        m_currentRow = -1;
        showRow(row);
    }
}

void ReviewPage::undo()
{
    if (isBusy())
        return;
    if (m_undo.isEmpty()) {
        setMessage(tr("Nothing to undo."));
        return;
    }
    const QList<review::DecisionReceipt> group = m_undo.takeLast();
    int undone = 0;
    QString problem;
    qint64 lastId = 0;
    for (auto it = group.crbegin(); it != group.crend(); ++it) {
        const DecisionResult r = m_service->undo(*it);
        if (r.ok()) {
            ++undone;
            lastId = it->photoId;
            m_loader->invalidate(it->photoId);
            m_model->updateRow(m_model->findPhoto(it->photoId), it->beforeStatus, r.receipt.rowVersion);
        } else if (problem.isEmpty()) {
            problem = r.message;
        }
    }
    if (undone)
        Q_EMIT context().dataChanged(QStringLiteral("review"));
    if (!problem.isEmpty()) {
        setMessage(problem, true);
        MessageBox::warning(this, tr("Cannot undo"), problem);
    } else {
        setMessage(group.size() == 1 ? tr("Decision undone.") : tr("%n decisions undone.", nullptr, undone));
    }
    // Back to the photo that was decided, so the reviewer can decide again.
    if (group.size() == 1 && lastId) {
        const int row = m_model->findPhoto(lastId);
        if (row >= 0) {
            if (row == m_currentRow)
                m_currentRow = -1, showRow(row);
            else
                selectRow(row);
        }
    } else if (m_currentRow >= 0) {
        const int row = m_currentRow;
        m_currentRow = -1;
        showRow(row);
    }
}

void ReviewPage::approveSelected()
{
    QList<Decision> decisions;
    for (int row : selectedRows())
        if (const auto r = m_model->rowAt(row))
            decisions.append({r->id, r->rowVersion, true, {}, {}});
    if (decisions.isEmpty()) {
        setMessage(tr("Select the photos to approve first."), true);
        return;
    }
    runBatch(decisions);
}

void ReviewPage::runBatch(const QList<Decision> &decisions)
{
    if (isBusy()) {
        setMessage(tr("Please wait for the running batch to finish."), true);
        return;
    }
    setMessage(tr("Deciding %n photo(s)…", nullptr, int(decisions.size())));
    auto db = context().sharedDatabase();
    const review::ReviewScope scope = m_scope;
    // Off the GUI thread: one transaction per photo on the worker's own connection.
    m_batch.setFuture(QtConcurrent::run([db, scope, decisions] { return review::DecisionService(*db, scope).decideMany(decisions); }));
}

void ReviewPage::approveAllPassing()
{
    if (isBusy()) {
        setMessage(tr("Please wait for the running batch to finish."), true);
        return;
    }
    QList<db::ReviewRepo::Candidate> candidates;
    qint64 total = 0, unchecked = 0;
    try {
        const db::ReviewRepo repo(context().database());
        review::QueueQuery q = m_model->query();
        q.status = QStringLiteral("submitted");   // only photos waiting for a decision
        candidates = repo.passingCandidates(m_scope, q);
        total = repo.count(m_scope, q);
        unchecked = repo.uncheckedCount(m_scope, q);
    } catch (const db::DbError &e) {
        MessageBox::critical(this, tr("Approve passing photos"), e.message());
        return;
    }
    if (candidates.isEmpty()) {
        MessageBox::information(this, tr("Approve passing photos"),
                                tr("None of the %1 photos to review in this filter passes every rule (%2 not checked yet).")
                                    .arg(total)
                                    .arg(unchecked));
        return;
    }
    const QString text = tr("%1 photos to review match the filter.\n%2 pass every rule and will be approved.\n"
                            "%3 failed or could not decide a rule and %4 are not checked yet: they stay in the queue.\n\nApprove %2 photos?")
                             .arg(total)
                             .arg(candidates.size())
                             .arg(total - qint64(candidates.size()) - unchecked)
                             .arg(unchecked);
    if (MessageBox::question(this, tr("Approve passing photos"), text) != QMessageBox::Yes)
        return;
    QList<Decision> decisions;
    for (const auto &c : std::as_const(candidates))
        decisions.append({c.id, c.rowVersion, true, {}, {}});
    runBatch(decisions);
}

void ReviewPage::recheckCurrent()
{
    if (!m_currentId) {
        setMessage(tr("No photo is shown."), true);
        return;
    }
    startRecheck({m_currentId}, false);
}

void ReviewPage::recheckSelection()
{
    QList<qint64> ids;
    for (int row : selectedRows())
        if (const auto r = m_model->rowAt(row))
            ids.append(r->id);
    if (ids.isEmpty()) {
        setMessage(tr("Select the photos to re-check first."), true);
        return;
    }
    startRecheck(ids, false);
}

void ReviewPage::recheckAllMatching()
{
    const qint64 n = m_model->totalCount();
    if (n > 50 && MessageBox::question(this, tr("Re-check"), tr("Run the checks again on all %1 photos of this filter?").arg(n))
                      != QMessageBox::Yes)
        return;
    startRecheck({}, true);
}

void ReviewPage::startRecheck(const QList<qint64> &ids, bool allMatching)
{
    if (m_recheck && m_recheck->isRunning()) {
        setMessage(tr("A re-check is already running."), true);
        return;
    }
    m_recheck = std::make_unique<review::RecheckJob>(context().sharedDatabase(), *m_profile);
    connect(m_recheck.get(), &review::RecheckJob::progress, this, [this](int done, int total) {
        m_progress->setMaximum(std::max(1, total));
        m_progress->setValue(done);
        m_progress->setFormat(tr("Re-checking %1/%2").arg(done).arg(total));
    });
    connect(m_recheck.get(), &review::RecheckJob::photoChecked, this, [this](qint64 id) {
        m_loader->invalidate(id);
        if (id == m_currentId) {
            const int row = m_currentRow;
            m_currentRow = -1;
            showRow(row);
        }
    });
    connect(m_recheck.get(), &review::RecheckJob::finished, this, [this](int done, int failed, bool cancelled) {
        m_progress->hide();
        m_cancelRecheck->hide();
        QString text = cancelled ? tr("Re-check cancelled after %n photo(s).", nullptr, done) : tr("Re-checked %n photo(s).", nullptr, done);
        if (failed)
            text += QLatin1Char(' ') + tr("%n could not be read.", nullptr, failed);
        setMessage(text, failed > 0);
        // The list shows the new results; the photo being looked at stays open.
        const qint64 keep = m_currentId;
        m_model->refresh();
        m_currentRow = -1;
        m_wantedId = keep;
        Q_EMIT context().dataChanged(QStringLiteral("review"));
    });
    m_progress->setValue(0);
    m_progress->show();
    m_cancelRecheck->show();
    if (allMatching)
        m_recheck->startForQuery(m_scope, m_model->query());
    else
        m_recheck->start(ids);
}

void ReviewPage::chooseProfile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a check profile"), QString(), tr("Check profiles (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    const checks::CheckProfile profile = checks::CheckProfile::fromFile(path, &error);
    if (!profile.isValid()) {
        MessageBox::warning(this, tr("Check profile"), tr("This profile cannot be used: %1").arg(error));
        return;
    }
    *m_profile = profile;
    m_profileName = QStringLiteral("%1 %2").arg(profile.id(), profile.version());
    setMessage(tr("Re-checks now use the profile %1.").arg(m_profileName));
    if (auto *b = findChild<QWidget *>(QStringLiteral("recheckButton")))
        b->setToolTip(tr("Run the check engine again (profile: %1)").arg(m_profileName));
}

} // namespace tucai::ui
