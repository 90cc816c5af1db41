#pragma once
// Runs every enabled rule of a profile on the bytes of one photo. One CheckEngine may be used from
// several threads at once: it holds only the (immutable) profile, and the OpenCV cascades it needs
// are loaded once per thread.

#include "check_profile.h"
#include "check_report.h"

#include <QByteArray>
#include <QString>

namespace tucai::checks {

class CheckEngine final
{
public:
    explicit CheckEngine(const CheckProfile &profile);

    CheckReport check(const QByteArray &bytes, const QString &fileName = {}) const;
    const CheckProfile &profile() const { return m_profile; }

    static QString version();   // "tucai-checks 2.0.0"
    // OpenCV's own worker threads per call (0 = its default). Batch callers that run one check per
    // thread set 1, so that N jobs use N cores and not N x cores.
    static void setLibraryThreads(int n);

private:
    CheckProfile m_profile;
};

} // namespace tucai::checks
