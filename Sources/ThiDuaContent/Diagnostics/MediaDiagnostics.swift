import ThiDuaImages
import ThiDuaModel

// The files of content/media/: what is refused, what a photo must be, what nothing uses.
extension DiagnosticCatalog {
    static let photoFormatsVi = "Định dạng dùng được: \(PhotoFormat.names)."
    static let photoFormatsEn = "Formats that work: \(PhotoFormat.names)."

    static func mediaRefused(file: String, reason: MediaKinds.Refusal) -> Diagnostic {
        let (vi, en): (String, String)
        switch reason {
        case .html:
            vi = "Tệp này là trang HTML. Đặt trong content/media/, nó sẽ chạy trên chính địa chỉ của Liên đoàn (có thể giả mạo trang đăng nhập), nên không bao giờ được xuất bản."
            en = "This file is an HTML page. In content/media/ it would run on the federation's own address (where it could pose as a login page), so it is never published."
        case .script:
            vi = "Tệp này là mã chạy được (script). Mã đặt trong content/media/ sẽ chạy trên chính địa chỉ của Liên đoàn, nên không bao giờ được xuất bản."
            en = "This file is a script. In content/media/ it would run on the federation's own address, so it is never published."
        case .activeDrawing(let what):
            vi = "Ảnh vẽ SVG này chứa '\(what)' (mã chạy được, bộ xử lý sự kiện hoặc tham chiếu ra ngoài), nên không được xuất bản."
            en = "This SVG drawing holds '\(what)' (a script, an event handler or a reference to elsewhere), so it is not published."
        }
        return make(.error, .mediaRefused, file, nil, vi: vi, en: en,
                    fixVi: "Xóa tệp khỏi content/media/. Với ảnh vẽ, xuất lại thành PNG hoặc SVG thuần (không script, không liên kết ngoài).",
                    fixEn: "Remove the file from content/media/. For a drawing, export it again as PNG or as plain SVG (no scripts, no outside links).")
    }

    static func mediaNotImage(file: String, usedBy: String, key: String) -> Diagnostic {
        make(.error, .mediaNotImage, file, nil,
             vi: "'\(key)' trong '\(usedBy)' trỏ tới tệp này, nhưng đây không phải là ảnh.",
             en: "'\(key)' in '\(usedBy)' names this file, but it is not a picture.",
             fixVi: "Thay bằng một tấm ảnh thật. \(photoFormatsVi)",
             fixEn: "Put a real photo in its place. \(photoFormatsEn)")
    }

    /// A picture that cannot be published, whether found reading its header (loading) or its pixels (building).
    public static func photoProblem(_ problem: PhotoProblem, file: String, usedBy: String, key: String) -> Diagnostic {
        switch problem {
        case .notAnImage:
            return mediaNotImage(file: file, usedBy: usedBy, key: key)
        case .unsupportedFormat(let loader):
            let format = PhotoProblem.formatName(loader: loader)
            return make(.error, .mediaUnsupported, file, nil,
                        vi: "Ảnh ở định dạng \(format), định dạng mà trang web không xuất bản làm ảnh ('\(key)' trong '\(usedBy)').",
                        en: "The picture is in \(format) format, which the site does not publish as a photo ('\(key)' in '\(usedBy)').",
                        fixVi: "Mở ảnh và lưu lại (xuất) thành JPEG. \(photoFormatsVi)",
                        fixEn: "Open the picture and save (export) it as JPEG. \(photoFormatsEn)")
        case .tooLarge(let width, let height):
            let megapixels = (width * height + 500_000) / 1_000_000, limit = ImageSettings.pixelLimit / 1_000_000
            return make(.error, .mediaTooLarge, file, nil,
                        vi: "Ảnh quá lớn: \(width) × \(height) điểm ảnh (khoảng \(megapixels) triệu), quá giới hạn \(limit) triệu điểm ảnh.",
                        en: "The picture is too large: \(width) × \(height) pixels (about \(megapixels) megapixels), over the limit of \(limit) megapixels.",
                        fixVi: "Thu nhỏ ảnh (ví dụ còn 4000 điểm ảnh chiều rộng) rồi lưu lại thành JPEG.",
                        fixEn: "Scale the picture down (to 4,000 pixels wide, say) and save it again as JPEG.")
        case .damaged(let detail):
            return make(.error, .mediaDamaged, file, nil,
                        vi: "Không giải mã được ảnh: tệp bị cắt cụt hoặc hỏng (\(detail)).",
                        en: "The picture cannot be decoded: the file is truncated or damaged (\(detail)).",
                        fixVi: "Chép lại ảnh từ máy ảnh hoặc điện thoại (tệp có thể chưa tải xong), hoặc mở và lưu lại thành JPEG.",
                        fixEn: "Copy the photo again from the camera or phone (it may not have finished copying), or open it and save it again as JPEG.")
        }
    }

    static func mediaSmall(file: String, width: Int, usedBy: String) -> Diagnostic {
        make(.warning, .mediaSmall, file, nil,
             vi: "Ảnh chỉ rộng \(width) điểm ảnh, hẹp hơn \(ImageSettings.smallestWidth) điểm ảnh mà giao diện có thể hiển thị ('\(usedBy)'): ảnh sẽ bị phóng to và mờ.",
             en: "The photo is only \(width) pixels wide, narrower than the \(ImageSettings.smallestWidth) pixels the theme may show it at ('\(usedBy)'): it will look enlarged and blurred.",
             fixVi: "Dùng ảnh gốc từ máy ảnh hoặc điện thoại, rộng ít nhất \(ImageSettings.widths.last!) điểm ảnh.",
             fixEn: "Use the original from the camera or phone, at least \(ImageSettings.widths.last!) pixels wide.")
    }

    static func mediaNotDocument(file: String, at: Position, key: String, value: String) -> Diagnostic {
        make(.error, .mediaNotDocument, file, at,
             vi: "'\(key)' phải là tệp PDF (bản quyết định đã ký), nhưng '\(value)' không phải PDF.",
             en: "'\(key)' must be a PDF (the signed decision), but '\(value)' is not a PDF.",
             fixVi: "Quét hoặc xuất văn bản thành PDF, đặt trong content/media/ và viết '\(key): media/<tên tệp>.pdf'.",
             fixEn: "Scan or export the document as PDF, put it in content/media/ and write '\(key): media/<file name>.pdf'.")
    }

    static func mediaUnused(file: String) -> Diagnostic {
        make(.warning, .mediaUnused, file, nil,
             vi: "Không nội dung nào dùng tệp này, nên nó không được xuất bản.",
             en: "No content uses this file, so it is not published.",
             fixVi: "Dùng tệp trong 'photo', 'image' hoặc 'attachment' của một mục, hoặc xóa tệp nếu không cần nữa.",
             fixEn: "Use it in an entry's 'photo', 'image' or 'attachment', or delete it if it is no longer needed.")
    }
}
