/// libFuzzer's entry point: each input goes to ``FuzzTarget/current``. Only a binary linked with
/// `-sanitize=fuzzer` (see `scripts/fuzz.sh`) calls it.
@_cdecl("LLVMFuzzerTestOneInput")
public func smtpspecFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else {
        FuzzTarget.current.run([])
        return 0
    }
    FuzzTarget.current.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
