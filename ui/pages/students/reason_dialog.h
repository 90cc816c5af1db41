#pragma once
#include <QDialog>
#include <optional>

class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace tucai::ui {

// Asks for the reason of an account action (kept in the audit log) and, for
// some actions, a value: the new end of a cooling-off or a number of attempts.
// Tests queue an answer with setNextAnswer() instead of showing the dialog.
class ReasonDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Extra { None, DateTime, Count };
    struct Answer { QString reason; qint64 dateTimeMs = 0; int count = 0; };

    ReasonDialog(const QString &title, const QString &what, Extra extra, QWidget *parent = nullptr);
    Answer answer() const;
    void setDateTime(qint64 ms);

    // Shows the dialog (or uses a queued test answer); nullopt when cancelled.
    static std::optional<Answer> ask(QWidget *parent, const QString &title, const QString &what, Extra extra = Extra::None,
                                     qint64 initialMs = 0);
    static void setNextAnswer(std::optional<Answer> answer);   // nullopt = "Cancel"
    static QString lastTitle();

private:
    void validate();
    QPlainTextEdit *m_reason;
    QDateTimeEdit *m_when = nullptr;
    QSpinBox *m_count = nullptr;
    QLabel *m_error;
};

} // namespace tucai::ui
