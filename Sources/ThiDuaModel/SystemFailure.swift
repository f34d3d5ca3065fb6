/// A system call on a file that failed, with what it means and what to do, in every
/// language the tool speaks. Reading (the source tree) and writing (the output) both
/// report through this one value, so "no space left on device" is worded once.
public struct SystemFailure: Error, Hashable, Sendable {
    public enum Operation: String, Hashable, Sendable { case read, write, list, remove, rename }
    public var operation: Operation
    /// The file or folder, as the person knows it (relative to the site, or the output path given).
    public var path: String
    public var errno: Int32

    public init(_ operation: Operation, path: String, errno: Int32) {
        self.operation = operation; self.path = path; self.errno = errno
    }

    /// The errno's meaning in plain words.
    public var meaning: LocalizedText {
        let (vi, en) = Self.words[errno] ?? ("lỗi hệ thống số \(errno)", "system error \(errno)")
        return LocalizedText([.vi: vi, .en: en])
    }

    /// What a person can do about it.
    public var fix: LocalizedText {
        let (vi, en) = Self.fixes[errno] ?? ("Kiểm tra thư mục và quyền truy cập, rồi chạy lại.", "Check the folder and its permissions, then run again.")
        return LocalizedText([.vi: vi, .en: en])
    }

    /// One diagnostic for the failure: the path, the meaning, the fix.
    public func diagnostic(code: DiagnosticCode, note: LocalizedText? = nil) -> Diagnostic {
        let verb: (vi: String, en: String) = switch operation {
        case .read: ("Không đọc được", "Could not read")
        case .write: ("Không ghi được", "Could not write")
        case .list: ("Không liệt kê được", "Could not list")
        case .remove: ("Không xoá được", "Could not remove")
        case .rename: ("Không đổi chỗ được", "Could not move")
        }
        let vi = "\(verb.vi) '\(path)': \(meaning[.vi]!)." + (note?[.vi].map { " " + $0 } ?? "")
        let en = "\(verb.en) '\(path)': \(meaning[.en]!)." + (note?[.en].map { " " + $0 } ?? "")
        return Diagnostic(.error, code, file: nil, message: LocalizedText([.vi: vi, .en: en]), fix: fix)
    }

    // Linux errno values (asm-generic/errno-base.h, errno.h): the ones a site build meets.
    static let words: [Int32: (String, String)] = [
        1: ("không được phép thao tác", "operation not permitted"),
        2: ("không có tệp hoặc thư mục này", "no such file or folder"),
        5: ("lỗi đọc/ghi của ổ đĩa", "an input/output error on the disk"),
        12: ("không đủ bộ nhớ", "not enough memory"),
        13: ("không có quyền truy cập", "permission denied"),
        17: ("đã có tệp trùng tên", "a file of that name already exists"),
        20: ("một phần của đường dẫn không phải thư mục", "a part of the path is not a folder"),
        21: ("đây là thư mục, không phải tệp", "it is a folder, not a file"),
        23: ("mở quá nhiều tệp cùng lúc", "too many files are open"),
        24: ("mở quá nhiều tệp cùng lúc", "too many files are open"),
        28: ("ổ đĩa đã hết chỗ trống", "no space left on device"),
        30: ("ổ đĩa chỉ cho đọc", "the file system is read-only"),
        36: ("tên tệp quá dài", "the file name is too long"),
        39: ("thư mục không trống", "the folder is not empty"),
        40: ("liên kết (symlink) lặp vòng hoặc lồng quá nhiều tầng", "a symbolic link loops, or links nest too deep"),
        122: ("đã hết hạn mức dung lượng", "the disk quota is used up"),
    ]
    static let fixes: [Int32: (String, String)] = [
        1: ("Kiểm tra quyền của thư mục, hoặc chạy bằng người dùng sở hữu nó.", "Check the folder's permissions, or run as the user who owns it."),
        2: ("Kiểm tra tên và vị trí của tệp.", "Check the file's name and place."),
        5: ("Kiểm tra ổ đĩa (hoặc ổ mạng) chứa tệp, rồi chạy lại.", "Check the disk (or network drive) holding the file, and run again."),
        12: ("Đóng bớt chương trình rồi chạy lại.", "Close other programs and run again."),
        13: ("Cho tài khoản chạy thidua quyền đọc/ghi (ví dụ chmod/chown), hoặc chọn thư mục khác với --output.", "Give the account that runs thidua permission to read or write it (for example chmod/chown), or choose another folder with --output."),
        20: ("Đổi tên tệp đang chắn chỗ thư mục.", "Rename the file that stands where a folder should be."),
        21: ("Đặt ở đây một tệp thường, hoặc xóa thư mục này.", "Put a regular file here, or remove the folder."),
        23: ("Đóng bớt chương trình, hoặc nâng giới hạn (ulimit -n), rồi chạy lại.", "Close other programs, or raise the limit (ulimit -n), and run again."),
        24: ("Đóng bớt chương trình, hoặc nâng giới hạn (ulimit -n), rồi chạy lại.", "Close other programs, or raise the limit (ulimit -n), and run again."),
        28: ("Giải phóng chỗ trống trên ổ đĩa (trang mới cần chừng bằng trang cũ), rồi chạy lại.", "Free space on the disk (the new site needs about as much as the old one), then run again."),
        30: ("Chọn thư mục xuất bản trên ổ đĩa ghi được, với --output.", "Choose an output folder on a writable disk, with --output."),
        36: ("Đặt tên tệp hoặc thư mục ngắn hơn.", "Give the file or its folders shorter names."),
        40: ("Thay liên kết bằng chính tệp cần dùng.", "Replace the link with the file itself."),
        122: ("Xoá bớt tệp hoặc xin thêm hạn mức, rồi chạy lại.", "Remove files or ask for a larger quota, then run again."),
    ]
}
