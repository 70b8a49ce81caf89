// The POSIX side of platform.h (Linux, macOS, BSDs).
#include "platform.h"

#include <QDir>
#include <QFile>
#include <QStringList>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Batchdesk::Platform {

bool isTerminal(Stream stream)
{
    return ::isatty(stream == Stream::Stdout ? STDOUT_FILENO : STDERR_FILENO) == 1;
}

bool syncFile(int handle)
{
    return handle >= 0 && ::fsync(handle) == 0;
}

double processCpuSeconds()
{
    rusage usage {};
    if (::getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    auto seconds = [](const timeval &tv) { return double(tv.tv_sec) + double(tv.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

qint64 peakResidentBytes()
{
    rusage usage {};
    if (::getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
#ifdef Q_OS_MACOS
    return qint64(usage.ru_maxrss); // bytes on macOS
#else
    return qint64(usage.ru_maxrss) * 1024; // KiB on Linux and the BSDs
#endif
}

bool hardLink(const QString &from, const QString &to)
{
    return ::link(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

bool shutdownConnection(int localPort, int remotePort)
{
    auto portOf = [](const sockaddr_storage &addr) -> int {
        if (addr.ss_family == AF_INET)
            return ntohs(reinterpret_cast<const sockaddr_in &>(addr).sin_port);
        if (addr.ss_family == AF_INET6)
            return ntohs(reinterpret_cast<const sockaddr_in6 &>(addr).sin6_port);
        return -1;
    };
    // The descriptors of this process: /proc on Linux, /dev/fd on macOS and the BSDs.
    QDir fdDir(QStringLiteral("/proc/self/fd"));
    if (!fdDir.exists())
        fdDir.setPath(QStringLiteral("/dev/fd"));
    const QStringList fds = fdDir.entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System);
    for (const QString &name : fds) {
        bool ok = false;
        const int fd = name.toInt(&ok);
        if (!ok)
            continue;
        sockaddr_storage local {}, peer {};
        socklen_t localLen = sizeof local, peerLen = sizeof peer;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &localLen) != 0
            || ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLen) != 0)
            continue;
        if (portOf(local) == localPort && portOf(peer) == remotePort) {
            ::shutdown(fd, SHUT_RDWR);
            return true;
        }
    }
    return false;
}

namespace {
sigset_t stopSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}
} // namespace

void prepareStopSignals()
{
    // Every thread started later inherits the mask; the waiting thread takes the signals with sigwait().
    const sigset_t set = stopSignals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void waitForStopSignal()
{
    const sigset_t set = stopSignals();
    int signal = 0;
    sigwait(&set, &signal);
}

} // namespace Batchdesk::Platform
