#pragma once
#include <QIcon>
#include <QWidget>

namespace tucai::ui {

class AppContext;

// One admin area hosted by the main window (Tiled's editor pattern: the
// window stays thin, each area brings its own widget and actions).
class Page : public QWidget
{
    Q_OBJECT
public:
    Page(AppContext &context, QWidget *parent = nullptr) : QWidget(parent), m_context(context) {}
    // Stable id ("review", "students", ...) used for settings and tests.
    virtual QString pageId() const = 0;
    virtual QString title() const = 0;
    // Called each time the page becomes visible.
    virtual void activate() {}
    // Opens the page on a filter (e.g. from a dashboard click); pages that can't ignore it.
    virtual void applyFilter(const QVariantMap &filter) { Q_UNUSED(filter); }
    AppContext &context() const { return m_context; }

private:
    AppContext &m_context;
};

} // namespace tucai::ui
