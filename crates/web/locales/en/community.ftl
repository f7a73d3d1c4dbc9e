## The community's discussions: spaces, threads, replies, moderation

nav-community = Community
community-title = Professional community
community-intro = The programme's discussion spaces: each is open to the people of the programme, strand, group, administration or table it belongs to.
community-no-spaces = You are not part of any discussion space yet.
community-kind-programme = Programme
community-kind-strand = Strands
community-kind-cohort = Groups of administrations
community-kind-administration = Administrations
community-kind-table = Territorial tables
community-kind-one-programme = Programme
community-kind-one-strand = Strand
community-kind-one-cohort = Group of administrations
community-kind-one-administration = Administration
community-kind-one-table = Territorial table
community-threads-count = { $count ->
    [0] No discussions
    [one] One discussion
   *[other] { $count } discussions
}
community-unread-count = { $count ->
    [one] one unread
   *[other] { $count } unread
}
community-replies-count = { $count ->
    [0] no replies
    [one] one reply
   *[other] { $count } replies
}
community-last-message = last message { $when }
community-no-threads = There are no discussions in this space yet.
community-thread-new = New discussion
community-thread-title = Title
community-thread-create = Start the discussion
community-message = Message
community-markdown-hint = Markdown text: bold with **, lists with -, links with [text](address).
community-cancel = Cancel
community-pinned = Pinned
community-locked = Locked
community-unread = Unread
community-pin = Pin
community-unpin = Unpin
community-lock = Lock to replies
community-unlock = Reopen to replies
community-locked-notice = This discussion is locked: no replies can be added.
community-reply = Reply
community-reply-send = Send the reply
community-quote = Quote
community-quoting = { $author } wrote:
community-quoting-hint = Your reply will quote the chosen message.
community-edit = Edit
community-edit-intro = Earlier versions stay available to the discussion's readers.
community-edit-conflict = The message was changed meanwhile: your changes were not saved. Below is the saved version and, in the form, the text you wrote: save it again to replace it.
community-edit-saved = Saved version
community-edit-yours = Your text
community-save = Save
community-edited = edited on { $when }
community-history = Versions of the message
community-version-current = Current version
community-version-earlier = Version written on { $written }, replaced on { $replaced }
community-history-none = The message has never been edited.
community-hidden = Hidden
community-hidden-notice = This message was hidden by the moderators.
community-hide = Hide the message
community-hide-reason = Reason
community-hide-confirm = Hide
community-report = Report to the moderators
community-report-reason = Reason for the report
community-report-send = Send the report
community-report-by = Reported by { $reporter } on { $when }; message by { $author }
community-report-close = Mark as handled
community-moderation = Reports
community-moderation-intro = Members' reports waiting: open the message, hide it if needed, then mark the report as handled.
community-moderation-empty = No reports waiting.
community-error-locked = The discussion is locked: the reply was not added.
community-error-locked-edit = The discussion is locked: the message was not changed.
community-error-quote = The quoted message is not part of this discussion.
community-error-own-report = You cannot report your own message.
community-error-reported-already = You have already reported this message.
audit-did-community-thread-create = started a discussion
audit-did-community-reply = replied in a discussion
audit-did-community-post-update = edited a message
audit-did-community-pin = pinned or unpinned a discussion
audit-did-community-lock = locked or reopened a discussion
audit-did-community-hide = hid a message
audit-did-community-report = reported a message
audit-did-community-report-close = handled a report
community-page-of = Page { $page } of { $pages }
community-thread-pages = Pages of the discussion
