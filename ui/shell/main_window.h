#pragma once
#include <QMainWindow>
#include <memory>

class QAction;
class QFrame;
class QLabel;
class QListWidget;
class QScreen;
class QStackedWidget;
class QTimer;

namespace tucai::db { class ConnectionMonitor; }
namespace tucai::review { class QueueLoader; }

namespace tucai::ui {

class AppContext;
class NavDelegate;
class Page;

// The shell: navigation on the left (an icon per area, the number of photos
// awaiting review beside the review entry, a narrow icons-only mode), one page
// per admin area, the signed-in role and the database in the status bar. The
// window opens inside the screen's available area and its geometry is
// remembered per screen.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;
    QList<Page *> pages() const { return m_pages; }
    Page *page(const QString &id) const;
    void showPage(const QString &id, const QVariantMap &filter = {});
    bool narrowNavigation() const;
    void setNarrowNavigation(bool narrow);
    // Asks again for the number of photos awaiting review (also done on a timer and after decisions).
    void refreshPendingCount();
    // Settings key of the geometry remembered for `screen` (its name and size).
    static QString geometryKey(const QScreen *screen);
    // The database connection's watch: while it is lost a banner above the pages says so (with
    // the attempt count) until it is back; then the pages read their data again.
    db::ConnectionMonitor *connectionMonitor() const { return m_monitor.get(); }
    QFrame *connectionBanner() const { return m_banner; }

Q_SIGNALS:
    void reconnectRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreWindowGeometry();
    void setPendingCount(qint64 count);
    void showShortcuts();
    void showAbout();
    void onPageSelected(int row);
    QFrame *buildBanner();
    void updateBanner();
    void onReconnected();

    AppContext &m_context;
    QListWidget *m_nav;
    NavDelegate *m_navDelegate;
    QAction *m_narrowAct = nullptr;
    QStackedWidget *m_stack;
    QList<Page *> m_pages;
    std::unique_ptr<review::QueueLoader> m_pending;
    QTimer *m_pendingTimer;
    std::unique_ptr<db::ConnectionMonitor> m_monitor;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QLabel *m_bannerDetail = nullptr;
    QTimer *m_bannerTick = nullptr;
};

} // namespace tucai::ui
