import NIOCore

/// A task executor that runs a task's jobs on one NIO event loop: the loop its connection uses. The runner's
/// sessions and the mock's connections both run this way, over `NIOAsyncChannel`, and so do the suite player and
/// the mock's accept loop, each on a loop of the same group.
///
/// A session awaits its connection all the time (a write, then the reply). On Swift's global executor every such
/// await crosses threads twice (the event loop wakes a pool thread for each reply, the pool thread wakes the loop
/// for each write and read deadline), and on a small machine those wake-ups cost more than the SMTP exchange
/// itself. With the session's task on its connection's loop the bytes, the continuation and the next command stay
/// on one thread.
///
/// What runs there must not block: a session's work is short (parsing a reply, judging it), DNS lookups go to
/// NIO's thread pool, and waits are awaits. The suite player runs on a loop too: compiling the next case and
/// handing a result to the console and the results spool are short writes.
public final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop that runs the jobs.
    public let eventLoop: any EventLoop

    /// An executor for `eventLoop`.
    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Runs the job on the loop.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }

    /// Runs `operation` with its jobs (and those of the child tasks that do not choose otherwise) on `eventLoop`;
    /// where task executors are not available, on the global executor as before.
    public static func run<T, Failure: Error>(
        on eventLoop: any EventLoop,
        _ operation: () async throws(Failure) -> T
    ) async throws(Failure) -> T {
        if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *) {
            return try await withTaskExecutorPreference(EventLoopTaskExecutor(eventLoop), operation: operation)
        }
        return try await operation()
    }
}

extension TaskGroup {
    /// Adds a child task whose jobs run on `eventLoop` (see ``EventLoopTaskExecutor``); where task executors are not
    /// available, on the global executor.
    public mutating func addTask(
        on eventLoop: any EventLoop,
        operation: sending @escaping @isolated(any) () async -> ChildTaskResult
    ) {
        if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *) {
            addTask(executorPreference: EventLoopTaskExecutor(eventLoop), operation: operation)
        } else {
            addTask(operation: operation)
        }
    }
}
