#include "pages/placeholder_page.h"

#include "db/database.h"
#include "db/student_repo.h"
#include "shell/app_context.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tucai::ui {

PlaceholderPage::PlaceholderPage(AppContext &context, QString id, QString title, QString description, QWidget *parent)
    : Page(context, parent), m_id(std::move(id)), m_title(std::move(title))
{
    setObjectName(m_id + QStringLiteral("Page"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(m_title, this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    heading->setFont(f);
    auto *text = new QLabel(description, this);
    text->setWordWrap(true);
    m_figures = new QLabel(this);
    m_figures->setObjectName(QStringLiteral("pageFigures"));
    m_figures->setTextFormat(Qt::PlainText);
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addWidget(m_figures);
    layout->addStretch(1);
}

void PlaceholderPage::activate()
{
    try {
        const auto counts = db::StudentRepo(context().database()).countByState(
            context().session().role == StaffRole::CollegeAdmin ? context().session().collegeId : 0);
        QStringList lines;
        for (StudentState s : allStudentStates())
            if (counts.value(toDbString(s)))
                lines << QStringLiteral("%1: %2").arg(displayName(s)).arg(counts.value(toDbString(s)));
        m_figures->setText(lines.join(QLatin1Char('\n')));
    } catch (const db::DbError &e) {
        m_figures->setText(e.message());
    }
}

} // namespace tucai::ui
