/// The validity periods of the X.509 certificates in PEM text, read from their DER encoding.
///
/// Only what a gateway credential check needs: the first PEM block's certificates, each shaped
/// as a Certificate (a TBSCertificate, a signature algorithm and a signature) with its validity
/// dates; a certificate that is not is an error. Signatures and keys are not looked at.
struct CertificateValidity: Equatable {
    /// Seconds since 1970-01-01 UTC.
    var notBefore: Int64
    var notAfter: Int64

    /// Why a credential cannot be used.
    struct Problem: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// The validity of each certificate in the first PEM block of `pem`.
    static func read(pem: [UInt8]) throws(Problem) -> [CertificateValidity] {
        guard let der = firstPEMBlock(pem) else { throw Problem(description: "no PEM block in the certificate") }
        var reader = DERReader(bytes: der[...])
        var found: [CertificateValidity] = []
        repeat {
            guard let certificate = try? reader.certificate() else { throw Problem(description: "the certificate is not valid X.509") }
            found.append(certificate)
        } while !reader.atEnd
        return found
    }

    /// Why the certificate cannot be used at `now`, or nil when it can.
    func problem(at now: Int64) -> String? {
        if now > notAfter { return "its certificate expired on \(Self.date(notAfter))" }
        if now < notBefore { return "its certificate is not valid before \(Self.date(notBefore))" }
        return nil
    }

    /// `2024-05-31T12:00:00Z`
    static func date(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(time / 3_600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }

    /// The bytes of the first `-----BEGIN …-----` block up to its `-----END …-----` line
    /// (header lines, with a `:`, skipped), or nil.
    static func firstPEMBlock(_ pem: [UInt8]) -> [UInt8]? {
        let lines = pem.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        let begin = Array("-----BEGIN ".utf8), end = Array("-----END ".utf8), dashes = Array("-----".utf8)
        guard let first = lines.firstIndex(where: { $0.starts(with: begin) && $0.reversed().starts(with: dashes) }) else { return nil }
        let label = lines[first].dropFirst(begin.count).dropLast(dashes.count)
        let closing = end + label + dashes
        guard let last = lines[(first + 1)...].firstIndex(where: { $0.elementsEqual(closing) }) else { return nil }
        var body: [UInt8] = []
        for line in lines[(first + 1)..<last] where !line.contains(UInt8(ascii: ":")) { body += line }
        return Base64.decode(body)
    }
}

/// Reads the DER elements of a certificate.
private struct DERReader {
    var bytes: ArraySlice<UInt8>

    var atEnd: Bool { bytes.isEmpty }

    struct Malformed: Error {}

    /// The next element: its tag and content.
    mutating func element() throws(Malformed) -> (tag: UInt8, content: ArraySlice<UInt8>) {
        guard bytes.count >= 2 else { throw Malformed() }
        let tag = bytes[bytes.startIndex]
        var index = bytes.startIndex + 1
        var length = Int(bytes[index])
        index += 1
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard count >= 1, count <= 4, bytes.endIndex - index >= count else { throw Malformed() }
            length = 0
            for _ in 0..<count {
                length = length << 8 | Int(bytes[index])
                index += 1
            }
        }
        guard bytes.endIndex - index >= length else { throw Malformed() }
        let content = bytes[index..<(index + length)]
        bytes = bytes[(index + length)...]
        return (tag, content)
    }

    /// The next element, which must have `tag`.
    mutating func element(_ tag: UInt8) throws(Malformed) -> ArraySlice<UInt8> {
        let (found, content) = try element()
        guard found == tag else { throw Malformed() }
        return content
    }

    /// A Certificate: SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }.
    mutating func certificate() throws(Malformed) -> CertificateValidity {
        var certificate = DERReader(bytes: try element(0x30))
        var tbs = DERReader(bytes: try certificate.element(0x30))
        _ = try certificate.element(0x30)
        _ = try certificate.element(0x03)
        guard certificate.atEnd else { throw Malformed() }
        if tbs.bytes.first == 0xA0 { _ = try tbs.element(0xA0) }  // version
        _ = try tbs.element(0x02)  // serialNumber
        _ = try tbs.element(0x30)  // signature
        _ = try tbs.element(0x30)  // issuer
        var validity = DERReader(bytes: try tbs.element(0x30))
        _ = try tbs.element(0x30)  // subject
        _ = try tbs.element(0x30)  // subjectPublicKeyInfo
        let notBefore = try validity.time()
        let notAfter = try validity.time()
        return CertificateValidity(notBefore: notBefore, notAfter: notAfter)
    }

    /// A UTCTime (`YYMMDDHHMMSSZ`) or GeneralizedTime (`YYYYMMDDHHMMSSZ`), in seconds since 1970.
    mutating func time() throws(Malformed) -> Int64 {
        let (tag, content) = try element()
        let digits = Array(content)
        guard digits.last == UInt8(ascii: "Z") else { throw Malformed() }
        let numbers = digits.dropLast()
        guard numbers.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw Malformed() }
        let values = numbers.map { Int64($0 - 0x30) }
        func number(_ at: Int, _ count: Int) -> Int64 { values[at..<(at + count)].reduce(0) { $0 * 10 + $1 } }
        var year: Int64
        var rest: Int
        switch (tag, values.count) {
        case (0x17, 12):
            year = number(0, 2)
            year += year < 50 ? 2000 : 1900
            rest = 2
        case (0x18, 14):
            year = number(0, 4)
            rest = 4
        default: throw Malformed()
        }
        let (month, day) = (number(rest, 2), number(rest + 2, 2))
        let (hour, minute, second) = (number(rest + 4, 2), number(rest + 6, 2), number(rest + 8, 2))
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { throw Malformed() }
        return Self.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
