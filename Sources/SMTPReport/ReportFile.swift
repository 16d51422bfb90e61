import Foundation

/// A report file that a merge reads by offset (`pread`), never mapped into memory: when the file becomes shorter
/// while it is read (a shard's report still being written, or rewritten), reading gives an error instead of the
/// process ending with SIGBUS, which is what touching a mapped page past the new end does.
///
/// The file stays open, so that every read is of the same file even if its path is replaced, until ``release()``:
/// a merge of many shards releases each after reading it through (each holding a descriptor would run into the
/// limit on open files), and a released file is opened again for each read, and refused if its path now names
/// another file.
final class ReportFile {
    /// Why the file cannot be read.
    enum Failure: Error, Equatable {
        /// It cannot be opened or read: the system's reason.
        case unreadable(String)
        /// It is larger than a merge reads.
        case tooLarge(size: Int)
        /// It ended before `offset`, where it had `size` bytes when it was opened.
        case shrank(size: Int, offset: Int)
        /// Its path names another file than the one first read.
        case replaced
    }

    /// The file's size when it was opened.
    let size: Int
    private let path: String
    private let identity: (device: UInt64, inode: UInt64)
    private var descriptor: Int32?

    /// Opens `path`, refusing a file larger than `maximumSize` or one that is not a regular file.
    init(path: String, maximumSize: Int) throws(Failure) {
        let (descriptor, status) = try Self.openFile(path)
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .unreadable("not a regular file")
        }
        guard Int(status.st_size) <= maximumSize else {
            close(descriptor)
            throw .tooLarge(size: Int(status.st_size))
        }
        self.path = path
        self.descriptor = descriptor
        self.size = Int(status.st_size)
        self.identity = (UInt64(status.st_dev), UInt64(status.st_ino))
    }

    deinit {
        release()
    }

    /// Closes the file; later reads open it again.
    func release() {
        if let descriptor { close(descriptor) }
        descriptor = nil
    }

    /// The bytes at `range`; every one of them, or an error.
    func read(_ range: Range<Int>) throws(Failure) -> Data {
        var data = Data(count: range.count)
        let got = data.withUnsafeMutableBytes { buffer in fill(buffer, from: range.lowerBound) }
        switch got {
        case .failure(let failure): throw failure
        case .success(let count) where count < range.count: throw .shrank(size: size, offset: range.lowerBound + count)
        case .success: return data
        }
    }

    /// Reads into `buffer` from `offset` until it is full or the file ends; how many bytes were read.
    fileprivate func fill(_ buffer: UnsafeMutableRawBufferPointer, from offset: Int) -> Result<Int, Failure> {
        let descriptor: Int32
        var reopened = false
        if let open = self.descriptor {
            descriptor = open
        } else {
            do {
                let (again, status) = try Self.openFile(path)
                guard UInt64(status.st_dev) == identity.device, UInt64(status.st_ino) == identity.inode else {
                    close(again)
                    return .failure(.replaced)
                }
                descriptor = again
                reopened = true
            } catch {
                return .failure(error)
            }
        }
        defer { if reopened { close(descriptor) } }
        var done = 0
        while done < buffer.count {
            let got = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if got == 0 { break }
            done += got
        }
        return .success(done)
    }

    private static func openFile(_ path: String) throws(Failure) -> (Int32, stat) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .unreadable(reason)
        }
        return (descriptor, status)
    }
}

/// A ``ReportFile``'s bytes for ``JSONArraySplitter``, read a window at a time: the scan's memory is the window's,
/// whatever the file's size. A file that ends early reads as ended, and ``failure`` says why.
struct ReportFileBytes: ScannedBytes {
    /// How much of the file is in memory at once.
    static let windowSize = 1 << 20

    let file: ReportFile
    private var window: [UInt8] = []
    private var windowStart = 0
    /// Why a byte before the file's size could not be read, if one could not.
    private(set) var failure: ReportFile.Failure?

    init(file: ReportFile) {
        self.file = file
    }

    mutating func byte(at index: Int) -> UInt8? {
        guard index < file.size, failure == nil else { return nil }
        if index >= windowStart, index < windowStart + window.count { return window[index - windowStart] }
        let wanted = min(Self.windowSize, file.size - index)
        window = [UInt8](repeating: 0, count: wanted)
        let got = window.withUnsafeMutableBytes { file.fill($0, from: index) }
        switch got {
        case .failure(let failure):
            self.failure = failure
            return nil
        case .success(let count) where count < wanted:
            failure = .shrank(size: file.size, offset: index + count)
            return nil
        case .success:
            windowStart = index
            return window[0]
        }
    }
}
