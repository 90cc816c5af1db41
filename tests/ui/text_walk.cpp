#include "text_walk.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSeries>
#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QAbstractBarSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QJsonDocument>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPieSeries>
#include <QPieSlice>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QToolButton>

namespace tucai::test {
namespace {

QString plain(const QString &text)
{
    return Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
}

QString nameOf(const QObject *o)
{
    const QString n = o->objectName();
    return QString::fromLatin1(o->metaObject()->className()) + (n.isEmpty() ? QString() : QLatin1Char('#') + n);
}

void chart(TextWalk &walk, const QChart *c, const QString &where)
{
    if (!c)
        return;
    walk.add(where + QStringLiteral(" title"), c->title());
    for (const QAbstractAxis *axis : c->axes()) {
        walk.add(where + QStringLiteral(" axis"), axis->titleText());
        if (auto *cats = qobject_cast<QBarCategoryAxis *>(const_cast<QAbstractAxis *>(axis)))
            for (const QString &cat : cats->categories())
                walk.add(where + QStringLiteral(" category"), cat);
    }
    for (const QAbstractSeries *s : c->series()) {
        walk.add(where + QStringLiteral(" series"), s->name());
        if (const auto *bars = qobject_cast<const QAbstractBarSeries *>(s))
            for (const QBarSet *set : bars->barSets())
                walk.add(where + QStringLiteral(" bar set"), set->label());
        if (const auto *pie = qobject_cast<const QPieSeries *>(s))
            for (const QPieSlice *slice : pie->slices())
                walk.add(where + QStringLiteral(" slice"), slice->label());
    }
    if (const QLegend *legend = c->legend())
        for (const QLegendMarker *m : legend->markers())
            walk.add(where + QStringLiteral(" legend"), m->label());
}

} // namespace

void TextWalk::add(const QString &where, const QString &text)
{
    const QString t = plain(text).trimmed();
    if (!t.isEmpty())
        m_texts.append({where, t});
}

void TextWalk::action(const QAction *a, const QString &where)
{
    if (!a || a->isSeparator() || !a->isVisible())
        return;
    const QString w = where + QStringLiteral(" / action ") + (a->objectName().isEmpty() ? a->text() : a->objectName());
    add(w, a->text());
    // QAction's tooltip defaults to its text without the "&": only an explicit one is new.
    if (a->toolTip() != QString(a->text()).remove(QLatin1Char('&')))
        add(w + QStringLiteral(" tooltip"), a->toolTip());
    add(w + QStringLiteral(" status tip"), a->statusTip());
    if (a->menu())
        menu(a->menu(), w);
}

void TextWalk::menu(const QMenu *m, const QString &where)
{
    if (!m || m_menusSeen.contains(m))
        return;
    m_menusSeen.insert(m);
    add(where + QStringLiteral(" / menu"), m->title());
    for (const QAction *a : m->actions())
        action(a, where + QStringLiteral(" / ") + QString(m->title()).remove(QLatin1Char('&')));
}

void TextWalk::model(const QAbstractItemModel *model, const QString &where, int maxRows)
{
    if (!model)
        return;
    for (int c = 0; c < model->columnCount(); ++c) {
        add(where + QStringLiteral(" header %1").arg(c), model->headerData(c, Qt::Horizontal).toString());
        add(where + QStringLiteral(" header tooltip %1").arg(c), model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
    }
    // Rows and their children (trees), the first ones only: the rest repeats the same kinds of text.
    QList<QModelIndex> parents{QModelIndex()};
    int seen = 0;
    while (!parents.isEmpty() && seen < maxRows) {
        const QModelIndex parent = parents.takeFirst();
        for (int r = 0; r < model->rowCount(parent) && seen < maxRows; ++r, ++seen) {
            for (int c = 0; c < model->columnCount(parent); ++c) {
                const QModelIndex i = model->index(r, c, parent);
                const QString w = where + QStringLiteral(" cell %1,%2").arg(r).arg(c);
                add(w, model->data(i, Qt::DisplayRole).toString());
                add(w + QStringLiteral(" tooltip"), model->data(i, Qt::ToolTipRole).toString());
            }
            const QModelIndex first = model->index(r, 0, parent);
            if (model->hasChildren(first))
                parents.append(first);
        }
    }
}

void TextWalk::widgetTree(QWidget *root, const QString &where)
{
    QList<QWidget *> widgets{root};
    widgets += root->findChildren<QWidget *>();
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible())
            continue;
        const QString at = where + QStringLiteral(" / ") + nameOf(w);
        if (w->isWindow())
            add(at + QStringLiteral(" window title"), w->windowTitle());
        add(at + QStringLiteral(" tooltip"), w->toolTip());
        if (const auto *l = qobject_cast<QLabel *>(w))
            add(at, l->text());
        else if (const auto *b = qobject_cast<QAbstractButton *>(w))
            add(at, b->text());
        if (const auto *c = qobject_cast<QCommandLinkButton *>(w))
            add(at + QStringLiteral(" description"), c->description());
        else if (const auto *g = qobject_cast<QGroupBox *>(w))
            add(at, g->title());
        if (const auto *c = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < c->count(); ++i)
                add(at + QStringLiteral(" item %1").arg(i), c->itemText(i));
            add(at + QStringLiteral(" placeholder"), c->placeholderText());
        }
        if (const auto *e = qobject_cast<QLineEdit *>(w)) {
            add(at + QStringLiteral(" placeholder"), e->placeholderText());
            if (e->isReadOnly())
                add(at, e->text());
        }
        if (const auto *s = qobject_cast<QSpinBox *>(w)) {
            add(at + QStringLiteral(" prefix"), s->prefix());
            add(at + QStringLiteral(" suffix"), s->suffix());
            add(at + QStringLiteral(" special"), s->specialValueText());
        }
        if (const auto *s = qobject_cast<QDoubleSpinBox *>(w)) {
            add(at + QStringLiteral(" prefix"), s->prefix());
            add(at + QStringLiteral(" suffix"), s->suffix());
        }
        if (const auto *t = qobject_cast<QTextEdit *>(w)) {
            add(at + QStringLiteral(" placeholder"), t->placeholderText());
            if (t->isReadOnly())
                add(at, t->toPlainText());
        }
        if (const auto *t = qobject_cast<QPlainTextEdit *>(w)) {
            add(at + QStringLiteral(" placeholder"), t->placeholderText());
            if (t->isReadOnly())
                add(at, t->toPlainText());
        }
        if (const auto *tabs = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < tabs->count(); ++i) {
                add(at + QStringLiteral(" tab %1").arg(i), tabs->tabText(i));
                add(at + QStringLiteral(" tab tooltip %1").arg(i), tabs->tabToolTip(i));
            }
        if (const auto *view = qobject_cast<QAbstractItemView *>(w); view && !qobject_cast<QHeaderView *>(w)
            && !qobject_cast<QComboBox *>(w->parentWidget()) && !w->parentWidget()->inherits("QComboBoxPrivateContainer"))
            model(view->model(), at);
        if (const auto *cv = qobject_cast<QChartView *>(w))
            chart(*this, cv->chart(), at);
        if (const auto *bar = qobject_cast<QMenuBar *>(w))
            for (const QAction *a : bar->actions())
                action(a, at);
        if (const auto *sb = qobject_cast<QStatusBar *>(w))
            add(at + QStringLiteral(" message"), sb->currentMessage());
        if (const auto *tb = qobject_cast<QToolButton *>(w))
            menu(tb->menu(), at);
        if (const auto *pb = qobject_cast<QPushButton *>(w))
            menu(pb->menu(), at);
        for (const QAction *a : w->actions())
            action(a, at);
    }
}

QStringList TextWalk::untranslated(const QSet<QString> &allowed) const
{
    QStringList out;
    for (const SeenText &t : m_texts) {
        // A JSON object is recorded data shown verbatim (the audit log's before/after states).
        if (t.text.startsWith(QLatin1Char('{')) && QJsonDocument::fromJson(t.text.toUtf8()).isObject())
            continue;
        const bool tooltip = t.where.endsWith(QLatin1String("tooltip"));
        const QStringList bad = latinLeftovers(t.text, allowed, tooltip);
        if (!bad.isEmpty()) {
            const QString line = QStringLiteral("%1: \"%2\" [%3]").arg(t.where, t.text.left(160), bad.join(QLatin1Char(' ')));
            if (!out.contains(line))
                out.append(line);
        }
    }
    return out;
}

QStringList latinLeftovers(const QString &textIn, const QSet<QString> &allowed, bool identifiersAllowed)
{
    static const QRegularExpression kTakeOut[] = {
        QRegularExpression(QStringLiteral(R"(\b[a-z][a-z0-9+.-]*://\S+)")),                         // URLs
        QRegularExpression(QStringLiteral(R"([\w.+-]+@[\w-]+(\.[\w-]+)+)")),                         // e-mail
        QRegularExpression(QStringLiteral(R"((?:[A-Za-z]:)?\S*[/\\]\S*)")),                          // paths
        QRegularExpression(QStringLiteral(R"(\b(?:Ctrl|Shift|Alt|Meta)(?:\+[^\s+,，、)）]+)+)")),     // key sequences
        QRegularExpression(QStringLiteral(R"(\(&[A-Za-z0-9]\)|&(?=[A-Za-z0-9]))")),                 // mnemonics: "文件(&F)"
        QRegularExpression(QStringLiteral(R"(\*?\.(?:jpg|jpeg|png|csv|xlsx|json|sqlite|db|pdf|zip|txt|log)\b)")), // extensions
        QRegularExpression(QStringLiteral(R"(\b\d+\s*[x×]\s*\d+\b)")),                               // 480x640
        QRegularExpression(QStringLiteral(R"(\b[0-9a-f]{16,}\b)")),                                  // hashes
        QRegularExpression(QStringLiteral(R"(\bd[EL]\b|\b[Lab]\*)")),                                // CIELAB symbols
        QRegularExpression(QStringLiteral(R"(%[0-9]*[a-zA-Z])")),                                    // printf formats
    };
    QString text = textIn;
    for (const QRegularExpression &re : kTakeOut)
        text.replace(re, QStringLiteral(" "));
    static const QRegularExpression kWord(QStringLiteral(R"([A-Za-z][A-Za-z0-9_.'-]*)"));
    // Codes shown on purpose in tooltips: rule ids, reason codes, idempotency keys.
    static const QRegularExpression kIdentifier(QStringLiteral(R"(^[a-z][a-z0-9]*(?:[._][a-z0-9]+)+$)"));
    QStringList bad;
    for (auto it = kWord.globalMatch(text); it.hasNext();) {
        QString word = it.next().captured();
        while (word.endsWith(QLatin1Char('.')) || word.endsWith(QLatin1Char('-')))
            word.chop(1);
        const bool key = word.size() == 1 && word.at(0).isUpper(); // a key hint: "跳过 (S)"
        if (key || allowed.contains(word) || (identifiersAllowed && kIdentifier.match(word).hasMatch()))
            continue;
        if (!bad.contains(word))
            bad.append(word);
    }
    return bad;
}

} // namespace tucai::test
