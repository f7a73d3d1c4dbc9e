## Notifications as each person prefers: preferences, emails, digests, unsubscribe links.

notifications-unread-count = { $count ->
    [one] notification to read
   *[other] notifications to read
}
notifications-preferences-title = Notification preferences
notifications-preferences-link = Choose how you receive notifications
notifications-preferences-intro = For each kind of notification, choose whether to get an email at once, a daily digest, a weekly digest or no email. The discussions' notifications stay in your notification list anyway; invitations and convocations stay in the labs calendar and on the table's page.
notifications-preferences-saved = Preferences saved.
notifications-default = default
notifications-digest-times = The daily digest goes out every morning at 8:00 (Rome time), the weekly one on Monday at 8:00.
notifications-delivery-immediate = At once
notifications-delivery-daily = Daily digest
notifications-delivery-weekly = Weekly digest
notifications-delivery-off = No email
notifications-kind-mention = Mentions
notifications-kind-mention-hint = Someone mentions you in a discussion.
notifications-kind-reply = Replies to my discussions
notifications-kind-reply-hint = Someone replies in a discussion you started.
notifications-kind-new_thread = New discussions in my spaces
notifications-kind-new_thread-hint = A discussion starts in a space you belong to.
notifications-kind-review = Reviews of my products
notifications-kind-review-hint = A product of your administration is sent to the tutor, sent back with changes requested, or approved.
notifications-kind-lab = Labs
notifications-kind-lab-hint = Invitations and changes to the lab sessions you take part in. Without email, you find them in the labs calendar.
notifications-kind-convocation = Tables' convocations
notifications-kind-convocation-hint = Convocations, changes and cancellations of territorial tables' meetings, with the calendar invitation. Without email, you find them on the table's page.
notification-mention = { $who } mentioned you
notification-reply = { $who } replied to your discussion
notification-new_thread = { $who } started a discussion
mail-mention-subject = Ponte: { $who } mentioned you in “{ $title }”
mail-mention-body = { $who } mentioned you in the discussion “{ $title }” ({ $space }). Read the message: { $link }
mail-reply-subject = Ponte: { $who } replied in “{ $title }”
mail-reply-body = { $who } replied in the discussion “{ $title }” that you started ({ $space }). Read the reply: { $link }
mail-new_thread-subject = Ponte: new discussion “{ $title }”
mail-new_thread-body = { $who } started the discussion “{ $title }” in { $space }. Read it: { $link }
mail-digest-daily-subject = Ponte: daily digest — { $kind } ({ $count })
mail-digest-daily-intro = Here are the day's notifications ({ $kind }), grouped by space.
mail-digest-weekly-subject = Ponte: weekly digest — { $kind } ({ $count })
mail-digest-weekly-intro = Here are the week's notifications ({ $kind }), grouped by space.
mail-notification-footer = No more emails for “{ $kind }”? Unsubscribe: { $link } — Or choose how you receive them: { $preferences }
unsubscribe-title = Unsubscribe
unsubscribe-confirm = Stop receiving emails for “{ $kind }”? The notifications will stay in your list of notifications in Ponte.
unsubscribe-submit = Stop these emails
unsubscribe-done = Done: you will no longer receive emails for “{ $kind }”.
unsubscribe-choose = You can change your mind at any time:
unsubscribe-error-invalid = This unsubscribe link is not valid: it was altered or does not come from Ponte. Nothing was changed.
unsubscribe-error-expired = This unsubscribe link has expired. Nothing was changed: sign in and choose your preferences.
community-error-mention-outside = Nobody who can see this space is called “{ $name }”: only people who see it can be mentioned. Check the name after @. The message was not saved.
community-error-mention-ambiguous = Several people in this space are called “{ $name }”: it is not clear whom to mention. The message was not saved.
community-mention-hint = To mention someone write @[First Last].
community-mention-people = Whom can I mention?
community-people-title = Whom you can mention in { $space }
community-people-intro = Only people who see this space can be mentioned. Copy the mention into the text of your message.
community-people-mention = Mention
audit-did-notifications-preferences = changed their notification preferences
audit-did-notifications-unsubscribe = unsubscribed from a kind of email
