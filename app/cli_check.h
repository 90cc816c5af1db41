#pragma once
// `tucai check` and `tucai eval`: the photo check engine from the command line.
#include <QStringList>

// tucai check [--profile FILE] [--json] [--full] [--jobs N] PATH...
// Exit status: 0 all pass, 1 some photo fails a rule, 2 some file could not be checked (or usage).
int runCheckCommand(const QStringList &args);

// tucai eval [--faces DIR] [--profile FILE] [--people N] [--defects a,b] [--levels 1,2,3] [--no-real]
//            [--jobs N] [--values FILE.csv]
int runEvalCommand(const QStringList &args);
