#pragma once

#include <QString>

/**
 * The few things Qt has no abstraction for, one declaration each; platform_unix.cpp and platform_win.cpp hold
 * the only platform headers of the core (no other file includes a POSIX or Windows header).
 */
namespace Batchdesk::Platform {

enum class Stream { Stdout, Stderr };
/** Whether the stream is an interactive terminal (progress lines with \r are written only then). */
bool isTerminal(Stream stream);

/** Makes `to` a hard link of `from`; false when the platform or the file system cannot (the caller copies).
 */
bool hardLink(const QString &from, const QString &to);

/**
 * Shuts down the TCP connection of this process between the two local/remote port numbers, without closing
 * the descriptor (its owner still does that). Used by the sandbox's fault injection; false when not found or
 * not supported on this platform.
 */
bool shutdownConnection(int localPort, int remotePort);

/** Forces what was written to the file (open, flushed by the caller) to the disk: fsync / FlushFileBuffers.
 *  False when the platform call failed. */
bool syncFile(int handle);

/** CPU time (user + system) this process used so far, in seconds (benchmarks). */
double processCpuSeconds();
/** The peak resident memory of this process so far, in bytes; 0 when unknown (benchmarks). */
qint64 peakResidentBytes();

/** Blocks SIGINT/SIGTERM (or installs console handlers) before any thread starts, so that
 *  waitForStopSignal() alone receives them. Call first thing in main(). */
void prepareStopSignals();
/** Returns when the process is asked to stop (SIGINT, SIGTERM, Ctrl+C). */
void waitForStopSignal();

} // namespace Batchdesk::Platform
