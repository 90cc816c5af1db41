#include "pages/codes/file_dialog.h"

#include <QFileDialog>
#include <QList>

namespace tucai::ui {
namespace {
QList<QString> &queue()
{
    static QList<QString> q;
    return q;
}
} // namespace

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter)
{
    if (!queue().isEmpty())
        return queue().takeFirst();
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    if (!queue().isEmpty())
        return queue().takeFirst();
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

void FileDialog::setNextFileName(const QString &path) { queue().append(path); }
void FileDialog::reset() { queue().clear(); }

} // namespace tucai::ui
