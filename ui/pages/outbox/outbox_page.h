#pragma once
#include "shell/page.h"

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QSortFilterProxyModel;

namespace tucai::net { class OutboxDelivery; }

namespace tucai::ui {

class OutboxModel;

// "Notifications": the outbox rows written by decisions, unlocks and resets,
// with their delivery state (attempts, next attempt, last error), and "retry"
// for failed rows. When this computer has the webhook secret (environment
// variable TUCAI_WEBHOOK_SECRET or the local key-file setting) and the school
// has a webhook URL, the page also runs the background sender while the app is open.
class OutboxPage final : public Page
{
    Q_OBJECT
public:
    explicit OutboxPage(AppContext &context, QWidget *parent = nullptr);
    ~OutboxPage() override;
    QString pageId() const override { return QStringLiteral("outbox"); }
    QString title() const override { return tr("Notifications"); }
    void activate() override;
    void applyFilter(const QVariantMap &filter) override;

    // Reloads off the GUI thread; `loaded` follows.
    void reload();
    // Re-queues the selected failed rows; returns how many.
    int retrySelected();
    bool isDelivering() const { return m_delivery != nullptr; }

Q_SIGNALS:
    void loaded();

private:
    void startDeliveryIfConfigured(const QString &url);
    void updateActions();
    void saveLayout() const;

    OutboxModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_status = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_deliveryState = nullptr;
    QLabel *m_detail = nullptr;
    quint64 m_generation = 0;
    bool m_deliveryChecked = false;
    std::unique_ptr<net::OutboxDelivery> m_delivery;
};

} // namespace tucai::ui
