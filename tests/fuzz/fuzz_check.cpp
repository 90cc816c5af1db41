// libFuzzer target: untrusted bytes -> CheckEngine::check -> report. See README.md for the command.
#include "checks/check_engine.h"
#include "checks/landmarks.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

// The landmark model (100 MB) is read once per process, before fuzzing: under the sanitizers that
// takes longer than the per-input timeout, which the first input would otherwise be blamed for.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QString error;
    (void)tucai::checks::detail::landmarkModelAvailable(&error);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Lower pixel limits than the default profile keep one iteration fast; the limit checks
    // themselves are what matters here.
    static const tucai::checks::CheckEngine engine(tucai::checks::CheckProfile::fromJson(
        R"({"limits":{"maxFileKB":2048,"maxPixels":4000000,"maxSide":8192}})"));
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const tucai::checks::CheckReport r = engine.check(bytes);
    (void)r.toJson();
    return 0;
}
