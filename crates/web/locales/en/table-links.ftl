# The territorial tables tied to the rest of Ponte: documents, labs, calendar address, late joiners.
table-documents = The table's documents
table-documents-hint = Library documents kept for the table: its secretariat, its representatives with an account, programme staff and tutors see them.
table-documents-none = The table has no documents yet.
table-document-add = Add a document
table-document-added = added on { $date }
audit-did-tables-feed-token = made their secret address of a territorial table's calendar
audit-did-tables-feed-revoke = revoked their secret address of a territorial table's calendar
table-feed-title = The table's calendar in your application
table-feed-hint = A secret, personal address of the table's meetings calendar, to subscribe from a calendar application without signing in. It shows what you may see and stops working if you leave the table or revoke it.
table-feed-active = You have an active address. Making a new one turns the previous one off.
table-feed-make = Make my address
table-feed-new = Make a new address
table-feed-revoke = Revoke my address
table-feed-shown-once = Here is your secret address: it is shown only now. Do not share it; if someone knows it, make a new one.
table-feed-back = Back to the table
