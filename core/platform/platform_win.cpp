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

namespace Batchdesk::Platform {

bool isTerminal(Stream stream)
{
    return _isatty(_fileno(stream == Stream::Stdout ? stdout : stderr)) != 0;
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
