#pragma once
// The labelled evaluation: generated fixtures (compliant + injected defects) and the real defects in
// ../shared/faces, checked by the engine; prints per-rule false rejections and detection rates.

#include "check_profile.h"

#include <QList>
#include <QString>
#include <QStringList>

class QTextStream;

namespace tucai::checks {

struct EvalOptions
{
    QString facesDir;             // ../shared/faces
    CheckProfile profile;
    int people = 0;               // 0 = every FRLL person (of the split)
    QString split;                // "" or "all": every person; "tune": the first half (thresholds are
                                  // set on it); "test": the second half (held out)
    QStringList defects;          // empty = all
    QList<int> levels{1, 2, 3};
    bool real = true;             // also FRLL smiling and Yale
    int jobs = 2;
    QString valuesCsv;            // optional: every (photo, rule, status, value) for threshold tuning
    QString producer = QStringLiteral("both");   // "a", "b" or "both": which producer(s) make the generated
                                  // photos (fixtures.h); each is reported on its own
    bool stability = false;       // also check every photo moved by a few pixels and saved again, and
                                  // report which rule outcomes that changes
};

// Runs the evaluation and writes Markdown tables to `out`. Returns false (with *error) when the
// faces are missing.
bool runEvaluation(const EvalOptions &opt, QTextStream &out, QString *error = nullptr);

} // namespace tucai::checks
