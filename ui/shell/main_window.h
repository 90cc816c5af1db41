#pragma once
#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QLabel;

namespace tucai::ui {

class AppContext;
class Page;

// The shell: navigation on the left, one page per admin area, the signed-in
// role and the database in the status bar. Window state is remembered.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;
    QList<Page *> pages() const { return m_pages; }
    Page *page(const QString &id) const;
    void showPage(const QString &id, const QVariantMap &filter = {});

Q_SIGNALS:
    void reconnectRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void showShortcuts();
    void showAbout();
    void onPageSelected(int row);

    AppContext &m_context;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    QList<Page *> m_pages;
};

} // namespace tucai::ui
