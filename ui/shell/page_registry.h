#pragma once
#include <QList>
#include <functional>

class QWidget;

namespace tucai::ui {

class AppContext;
class Page;

// The admin areas in navigation order. Each area's module registers its
// factory here; areas not built yet show a titled placeholder page.
struct PageFactory
{
    QString id;
    std::function<Page *(AppContext &, QWidget *)> create;
};
QList<PageFactory> pageFactories();

} // namespace tucai::ui
