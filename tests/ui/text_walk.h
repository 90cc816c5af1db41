#pragma once
// Collects the texts a user can see in a widget tree (labels, buttons, group and tab titles,
// combo items, placeholders, headers and the first rows of item views, chart titles and
// legends, tooltips, menus, window titles) and finds the ones that did not go through a
// translation: text with Latin letters that an allow-list of proper names does not explain.
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class QAbstractItemModel;
class QAction;
class QMenu;
class QWidget;

namespace tucai::test {

struct SeenText
{
    QString where;
    QString text;
};

class TextWalk final
{
public:
    // Visible widgets under `root` (root included) and everything they carry.
    void widgetTree(QWidget *root, const QString &where);
    void menu(const QMenu *menu, const QString &where);
    void action(const QAction *action, const QString &where);
    void model(const QAbstractItemModel *model, const QString &where, int maxRows = 30);
    void add(const QString &where, const QString &text);

    const QList<SeenText> &texts() const { return m_texts; }
    // "where: text [bad words]" for every text with a Latin word not in `allowed`
    // (JSON objects, recorded data shown verbatim, are skipped).
    QStringList untranslated(const QSet<QString> &allowed) const;

private:
    QList<SeenText> m_texts;
    QSet<const QMenu *> m_menusSeen;
};

// The Latin words of `text` not explained by `allowed` (URLs, paths, e-mail addresses, key
// sequences and mnemonics, file extensions, sizes like 480x640, hashes and colour-science
// symbols are taken out first; single capital letters are key hints). With
// `identifiersAllowed` (tooltips), codes like "background.colour" or "not_sharp" pass too.
QStringList latinLeftovers(const QString &text, const QSet<QString> &allowed, bool identifiersAllowed = false);

} // namespace tucai::test
