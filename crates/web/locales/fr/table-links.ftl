# The territorial tables tied to the rest of Ponte: documents, labs, calendar address, late joiners.
table-documents = Documents de la table
table-documents-hint = Documents de la bibliothèque réservés à la table : son secrétariat, ses représentants disposant d'un compte, l'équipe du programme et les tuteurs les voient.
table-documents-none = La table n'a pas encore de documents.
table-document-add = Ajouter un document
table-document-added = ajouté le { $date }
audit-did-tables-feed-token = a créé son adresse secrète du calendrier d'une table territoriale
audit-did-tables-feed-revoke = a révoqué son adresse secrète du calendrier d'une table territoriale
table-feed-title = Le calendrier de la table dans votre application
table-feed-hint = Une adresse secrète et personnelle du calendrier des réunions de la table, pour vous abonner depuis une application de calendrier sans vous connecter. Elle montre ce que vous pouvez voir et cesse de fonctionner si vous quittez la table ou la révoquez.
table-feed-active = Vous avez une adresse active. En créer une nouvelle désactive la précédente.
table-feed-make = Créer mon adresse
table-feed-new = Créer une nouvelle adresse
table-feed-revoke = Révoquer mon adresse
table-feed-shown-once = Voici votre adresse secrète : elle n'est affichée que maintenant. Ne la partagez pas ; si quelqu'un la connaît, créez-en une nouvelle.
table-feed-back = Retour à la table
