#pragma once
#include "shell/page.h"

class QLabel;

namespace tucai::ui {

// A titled page for an area whose own work has not landed yet: it says so,
// and shows the figures the database already has for that area.
class PlaceholderPage final : public Page
{
    Q_OBJECT
public:
    PlaceholderPage(AppContext &context, QString id, QString title, QString description, QWidget *parent = nullptr);
    QString pageId() const override { return m_id; }
    QString title() const override { return m_title; }
    void activate() override;

private:
    QString m_id;
    QString m_title;
    QLabel *m_figures;
};

} // namespace tucai::ui
