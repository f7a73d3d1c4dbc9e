## The community's discussions: spaces, threads, replies, moderation

nav-community = Community
community-title = Professional community
community-intro = The programme's discussion spaces: each is open to the people of the programme, strand, group of administrations, administration, territorial table or interregional group it belongs to.
community-no-spaces = You are not part of any discussion space yet.
community-kind-programme = Programme
community-kind-strand = Strands
community-kind-cohort = Groups of administrations
community-kind-administration = Administrations
community-kind-table = Territorial tables
community-kind-interregional_group = Interregional groups
community-kind-one-programme = Programme
community-kind-one-strand = Strand
community-kind-one-cohort = Group of administrations
community-kind-one-administration = Administration
community-kind-one-table = Territorial table
community-kind-one-interregional_group = Interregional group
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
community-attach = Attach library documents
community-attach-hint = The message links to the documents; whoever cannot see them in the library will not see them here either.
community-attach-own = Your recent documents
community-attach-unseen = A document you can no longer see (untick to detach it)
community-attach-addresses = Other documents: the page's address, one per line
community-attach-addresses-hint = Copy the address of the document's page, for example https://…/library/documents/…, five documents at most.
community-attach-library = Open the library
community-attached = Attached documents
community-attached-unseen = { $count ->
    [one] One more attached document is not visible to you.
   *[other] { $count } more attached documents are not visible to you.
}
community-error-attachment-address = Each line must be the address of a library document's page.
community-error-attachments-too-many = A message attaches five documents at most.
community-error-attachment-unseen = One of the documents does not exist or is not visible to you in the library.
community-search = Search the discussions
community-search-label = Words to search for
community-search-button = Search
community-search-hint = Words are searched in Italian, English and French; put a phrase in quotes, or * after the start of a word.
community-search-in = Only in { $space }
community-search-everywhere = Search all your spaces
community-search-found = { $count ->
    [one] One message found
   *[other] { $count } messages found
}
community-search-none = No message matches the search.
community-search-where = in { $space }
community-mention-picker = People you can mention
community-mention-count = People found: {"{"}count{"}"}. Use the arrows to choose and Enter to insert.
community-report-intro = Report to the programme staff a message that breaks the community's rules: the staff read the report and decide. Whoever wrote the message does not see who reported it.

community-space-discussions = Discussions
