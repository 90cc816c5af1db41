// libFuzzer target: untrusted bytes -> CheckEngine::check -> report. See README.md for the command.
#include "checks/check_engine.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

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
