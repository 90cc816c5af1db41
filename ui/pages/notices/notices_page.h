#pragma once
#include "model/records.h"
#include "shell/page.h"

class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QCheckBox;
class QTableView;
class QTextEdit;
class QTreeWidget;

namespace tucai::ui {

class NoticeListModel;
class PhonePreview;
class RichTextToolBar;

// Collection notices: list + editor (rich text body, window, hours, closures,
// fee, contacts, attachments, scope), draft -> scheduled -> published ->
// archived with version history, and a phone-sized preview.
class NoticesPage final : public Page
{
    Q_OBJECT
public:
    explicit NoticesPage(AppContext &context, QWidget *parent = nullptr);
    QString pageId() const override { return QStringLiteral("notices"); }
    QString title() const override { return tr("Notices"); }
    void activate() override;

    // Actions behind the buttons (tests call them too). Each returns true on success.
    void newNotice();
    bool selectNotice(qint64 id);
    bool save();
    bool schedule(const QDateTime &publishAt);
    bool publishNow();
    bool unschedule();
    bool archive();
    bool addAttachment(const QString &path);
    PhonePreview *preview();
    const Notice &current() const { return m_current; }
    RichTextToolBar *toolBar() const { return m_toolBar; }

private:
    void reload();
    void showNotice(const Notice &n);
    Notice fromForm() const;
    void loadHistory();
    void loadAttachments();
    void updateButtons();
    bool confirmDiscard();
    bool stateChange(const QString &error);
    QString scopeName(qint64 collegeId) const;

    Notice m_current;
    bool m_dirty = false;
    bool m_loading = false;
    NoticeListModel *m_model;
    QTableView *m_list;
    QPushButton *m_new;
    QLineEdit *m_title;
    QComboBox *m_scope;
    RichTextToolBar *m_toolBar;
    QTextEdit *m_body;
    QCheckBox *m_hasWindow;
    QDateEdit *m_windowStart;
    QDateEdit *m_windowEnd;
    QLineEdit *m_dailyHours;
    QLineEdit *m_closureDays;
    QDoubleSpinBox *m_fee;
    QLineEdit *m_contacts;
    QListWidget *m_attachments;
    QPushButton *m_addAttachment;
    QPushButton *m_removeAttachment;
    QLabel *m_state;
    QLabel *m_error;
    QPushButton *m_save;
    QPushButton *m_preview;
    QDateTimeEdit *m_publishAt;
    QPushButton *m_schedule;
    QPushButton *m_publish;
    QPushButton *m_unschedule;
    QPushButton *m_archive;
    QTreeWidget *m_history;
    PhonePreview *m_previewDialog = nullptr;
};

} // namespace tucai::ui
