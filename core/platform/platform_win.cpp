// The Windows side of platform.h.
#include "platform.h"

#include <QDir>

#include <atomic>
#include <chrono>
#include <csignal>
#include <io.h>
#include <stdio.h>
#include <thread>
#include <windows.h>

#include <psapi.h>

namespace Batchdesk::Platform {

bool isTerminal(Stream stream)
{
    return _isatty(_fileno(stream == Stream::Stdout ? stdout : stderr)) != 0;
}

bool syncFile(int handle)
{
    const intptr_t os = ::_get_osfhandle(handle);
    return os != -1 && ::FlushFileBuffers(reinterpret_cast<HANDLE>(os)) != 0;
}

double processCpuSeconds()
{
    FILETIME created, exited, kernel, user;
    if (!::GetProcessTimes(::GetCurrentProcess(), &created, &exited, &kernel, &user))
        return 0;
    auto seconds = [](const FILETIME &t) {
        return double((quint64(t.dwHighDateTime) << 32) | t.dwLowDateTime) / 1e7;
    };
    return seconds(kernel) + seconds(user);
}

qint64 peakResidentBytes()
{
    PROCESS_MEMORY_COUNTERS counters {};
    if (!::GetProcessMemoryInfo(::GetCurrentProcess(), &counters, sizeof counters))
        return 0;
    return qint64(counters.PeakWorkingSetSize);
}

bool hardLink(const QString &from, const QString &to)
{
    return CreateHardLinkW(reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(to).utf16()),
                           reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(from).utf16()), nullptr)
        != 0;
}

bool shutdownConnection(int, int)
{
    return false; // fault injection drops connections only where the descriptors can be found
}

namespace {
std::atomic<bool> g_stop {false};
void onStopSignal(int)
{
    g_stop = true;
}
} // namespace

void prepareStopSignals()
{
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
}

void waitForStopSignal()
{
    while (!g_stop)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

} // namespace Batchdesk::Platform
