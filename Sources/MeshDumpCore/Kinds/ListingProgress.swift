/// Where the listing of one kind is, for a progress display: objects received so far, and the
/// total the server announced (the objects received plus the last page's `remainingItemCount`),
/// when it counts them.
public struct ListingProgress: Sendable, Equatable {
    /// Where the kind is: waiting its turn, being listed, or done (listed or failed).
    public enum State: Sendable, Equatable { case waiting, listing, done }

    public var kind: Kind
    public var state: State
    /// Objects received so far.
    public var received: Int
    /// The total the server announced; nil until a page says how many remain.
    public var announced: Int?

    public init(kind: Kind, state: State, received: Int = 0, announced: Int? = nil) {
        self.kind = kind
        self.state = state
        self.received = received
        self.announced = announced
    }
}

/// Called with a kind's progress whenever it changes (from several kinds at once).
public typealias ListingProgressHandler = @Sendable (ListingProgress) -> Void
