# The territorial tables tied to the rest of Ponte: documents, labs, calendar address, late joiners.
table-documents = Documents de la table
table-documents-hint = Documents de la bibliothèque réservés à la table : son secrétariat, ses représentants disposant d'un compte, l'équipe du programme et les tuteurs les voient.
table-documents-none = La table n'a pas encore de documents.
table-document-add = Ajouter un document
table-document-added = ajouté le { $date }
