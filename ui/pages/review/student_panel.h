#pragma once
#include "review/photo_loader.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTreeWidget;

namespace tucai::ui {

// The student behind the photo: who they are (ID number masked), their
// capture attempts, drafts and earlier submissions beside the current one.
class StudentPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit StudentPanel(QWidget *parent = nullptr);
    void setDetail(const review::PhotoDetailPtr &detail);
    void clear();

private:
    QLabel *m_info;
    QTreeWidget *m_attempts;
    QListWidget *m_photos;
};

} // namespace tucai::ui
