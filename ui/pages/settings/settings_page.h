#pragma once
#include "settings/collection_settings.h"
#include "shell/page.h"

class QCheckBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;
class QTreeWidget;

namespace tucai::ui {

// Collection settings that drive the student side (window, lock thresholds,
// cooling-off, draft box, payment, video). Validated and audited by
// settings::CollectionSettings; only school administrators may change them.
class SettingsPage final : public Page
{
    Q_OBJECT
public:
    explicit SettingsPage(AppContext &context, QWidget *parent = nullptr);
    QString pageId() const override { return QStringLiteral("settings"); }
    QString title() const override { return tr("Collection settings"); }
    void activate() override;

    // Saves what the form shows (the Save button). True when saved.
    bool save();
    void reload();

private:
    settings::CollectionSettings fromForm() const;
    void showSettings(const settings::CollectionSettings &s);
    void loadHistory();
    void updateDirty();

    settings::CollectionSettings m_loaded;
    QDateTimeEdit *m_windowStart;
    QDateTimeEdit *m_windowEnd;
    QTimeEdit *m_dayStart;
    QTimeEdit *m_dayEnd;
    QSpinBox *m_livenessLock;
    QSpinBox *m_otherFailures;
    QSpinBox *m_coolingMinutes;
    QSpinBox *m_draftCapacity;
    QSpinBox *m_retentionHours;
    QCheckBox *m_paymentRequired;
    QDoubleSpinBox *m_fee;
    QCheckBox *m_videoRequired;
    QLineEdit *m_reason;
    QLabel *m_errors;
    QPushButton *m_save;
    QPushButton *m_revert;
    QTreeWidget *m_history;
};

// What the history and the audit log show for a stored setting name ("payment_required").
QString settingLabel(const QString &name);

} // namespace tucai::ui
