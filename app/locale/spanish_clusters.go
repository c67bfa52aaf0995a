package locale

// spanishClusters: the Clusters screen and archetype names.
var spanishClusters = map[string]string{
	// ui/clusters: picking the attributes
	"Cluster on %d: %s · missing numbers: %s":           "Agrupar por %d: %s · números faltantes: %s",
	"Cluster on: (space chooses) · missing numbers: %s": "Agrupar por: (espacio: elegir) · números faltantes: %s",
	"median":                                "mediana",
	"left out":                              "excluidos",
	"Reading the attributes…":               "Leyendo los atributos…",
	"No attribute can be clustered on.":     "Ningún atributo sirve para agrupar.",
	"skew %.1f: log suggested (l)":          "asimetría %.1f → log (l)",
	"skew %.1f":                             "asimetría %.1f",
	"%s missing":                            "%s faltantes",
	"%d categories":                         "%d categorías",
	"not usable: %s":                        "no sirve: %s",
	"choose at least one attribute (space)": "elija al menos un atributo (espacio)",
	"%s: log(1 + x) only for numbers that are never negative": "%s: log(1 + x) solo para números que nunca son negativos",

	// why an attribute cannot be clustered on: short (the list), long (the status line)
	"free text":                               "texto libre",
	"an identifier":                           "un identificador",
	"a date (use age, tenure or recency)":     "una fecha (use edad, antigüedad o recencia)",
	"always empty":                            "siempre vacío",
	"one value for everyone":                  "un valor para todos",
	"over 50 categories":                      "más de 50 categorías",
	"an identifier: its numbers mean nothing": "un identificador: sus números no significan nada",
	"a date: use a number derived from it (age, tenure_days, recency_days)": "una fecha: use un número derivado de ella (age, tenure_days, recency_days)",
	"empty for every customer":                  "vacío para todos los clientes",
	"the same for every customer":               "igual para todos los clientes",
	"more than 50 categories: group them first": "más de 50 categorías: agrúpelas antes",

	// column kinds, as the list names them
	"integer":     "entero",
	"real":        "real",
	"categorical": "categórico",
	"boolean":     "sí/no",

	// the job
	"Clustering %s customers on %d attributes…": "Agrupando %s clientes por %d atributos…",
	"%s · %d of %d k-means runs":                "%s · %d de %d ejecuciones de k-means",
	"esc cancels":                               "esc: cancelar",
	"clustering cancelled; nothing changed":     "agrupamiento cancelado; nada cambió",
	"preparing the features":                    "preparando las variables",
	"k-means":                                   "k-means",
	"silhouette":                                "silueta",
	"profiles":                                  "perfiles",
	"rules":                                     "reglas",

	// the k table
	"k table":                         "tabla de k",
	"k table · silhouette on %s":      "tabla de k · silueta sobre %s",
	"all %s customers":                "los %s clientes",
	"a random sample of %s customers": "una muestra al azar de %s clientes",
	"   k      inertia  silhouette":   "   k      inercia     silueta",
	"inertia (elbow)":                 "inercia (codo)",
	"suggested":                       "sugerido",
	"k = %d · %s clustered%s · rules fit %s (←/→ another k)": "k = %d · %s agrupados%s · las reglas aciertan %s (←/→ otro k)",
	", %s left out":                    ", %s excluidos",
	"no k table":                       "sin tabla de k",
	"stops at k = %d: %s":              "se detiene en k = %d: %s",
	"mini-batch k-means: gap ≤ %.2f%%": "k-means por minilotes: brecha ≤ %.2f%%",

	// profiles and the clusters' suggested names
	"Profiles at k = %d":                         "Perfiles con k = %d",
	"%d · %s customers (%s) · %s":                "%d · %s clientes (%s) · %s",
	"   %s  mean (everyone) · median (everyone)": "   %s  media (todos) · mediana (todos)",
	"high %s":  "%s alto",
	"low %s":   "%s bajo",
	"no %s":    "sin %s",
	"%s empty": "%s vacío",
	"typical":  "típico",
	"empty":    "vacío",

	// rules
	"Rules at k = %d (tree depth %d): %s of customers fall in their own cluster's rule": "Reglas con k = %d (árbol de profundidad %d): aciertan con el %s de los clientes",
	"%d · precision %s · recall %s · coverage %s":                                       "%d · precisión %s · exhaustividad %s · cobertura %s",
	"no rule: the tree gives this cluster no leaf":                                      "sin regla: el árbol no da ninguna hoja a este grupo",
	"no rule: the tree could not split":                                                 "sin regla: el árbol no pudo dividir",

	// archetypes
	"Clusters × archetypes · agreement (adjusted Rand) %.3f · A saves the rules": "Grupos × arquetipos · concordancia (Rand ajustado) %.3f · A: guardar reglas",
	"Comparing with the archetypes…":                                             "Comparando con los arquetipos…",
	" (saved)":                                                                   " (guardado)",
	"cl.":                                                                        "gr.",
	"none":                                                                       "ninguno",
	"research":                                                                   "invest.",
	"luxury":                                                                     "lujo",
	"frequent":                                                                   "frecuen.",
	"tradit.":                                                                    "tradic.",
	// the four buyer archetypes (app.ArchetypePreset): names and what each looks for
	"Archetype: researcher":                       "Arquetipo: investigador",
	"Archetype: luxury & social":                  "Arquetipo: lujo y social",
	"Archetype: frequent value":                   "Arquetipo: frecuente y económico",
	"Archetype: traditional":                      "Arquetipo: tradicional",
	"visits the website repeatedly before buying": "visita la web varias veces antes de comprar",
	"social mentions or reviews, or a ticket among the top tenth bought mostly in store": "menciones en redes o reseñas, o un ticket entre el diez por ciento más alto y compra sobre todo en tienda",
	"comes often for cheap baskets (a ticket at most the median), mostly in store":       "compra a menudo y barato (un ticket de hasta la mediana), sobre todo en tienda",
	"buys in the shop and calls rather than clicks":                                      "compra en la tienda y llama en vez de hacer clic",

	// saving
	"No clusters yet: pick attributes and press enter.": "Aún no hay grupos: elija atributos y pulse enter.",
	"save the rules as segments named: ":                "guardar las reglas como segmentos llamados: ",
	"save the labels as attribute: ":                    "guardar las etiquetas como atributo: ",
	"saved %d segments %q…%q%s":                         "se guardaron %d segmentos %q…%q%s",
	" (%d clusters without a rule)":                     " (%d grupos sin regla)",
	"labels saved as attribute %s for %s customers; it loads with the data next time (Roles: L reloads)": "etiquetas guardadas como atributo %s para %s clientes; se cargan con los datos la próxima vez (en Roles, L: recargar)",
	"saved %d archetype segments (already saved ones kept): edit them on the Segments screen":            "se guardaron %d segmentos de arquetipos (se mantienen los ya guardados): edítelos en la pantalla Segmentos",

	// app: a clustering that cannot run
	"choose at least one attribute to cluster on (--features a,b,c)":                  "elija al menos un atributo para agrupar (--features a,b,c)",
	"k = %d is not possible; choose between 2 and %d clusters":                        "k = %d no es posible; elija entre 2 y %d grupos",
	"without the k table, give the number of clusters":                                "sin la tabla de k, indique el número de grupos",
	"restarts = %d: choose between 1 and 1000":                                        "restarts = %d: elija entre 1 y 1000",
	"the k table's range %d…%d is not possible; it must lie within 2…%d":              "el rango %d…%d de la tabla de k no es posible; debe estar dentro de 2…%d",
	"rule depth %d: choose between 1 and %d":                                          "profundidad de regla %d: elija entre 1 y %d",
	"no attribute %q":                                                                 "no hay ningún atributo %q",
	"no attribute %q; did you mean %s?":                                               "no hay ningún atributo %q; ¿quiso decir %s?",
	"log(1 + x) is asked for %s, which is not one of the features":                    "se pide log(1 + x) para %s, que no es una de las variables",
	"%s is already an attribute of the customers; choose another name for the labels": "%s ya es un atributo de los clientes; elija otro nombre para las etiquetas",
	"there are no cluster labels to save":                                             "no hay etiquetas de grupo que guardar",
	"the archetypes need the behaviour attributes %s, which this database does not have (no purchases or touchpoints were found)": "los arquetipos necesitan los atributos de comportamiento %s, que esta base de datos no tiene (no se encontraron compras ni contactos)",

	// analysis/cluster: problems with the data (cluster.Error.Sentence)
	"choose at least one attribute to cluster on":                                                            "elija al menos un atributo para agrupar",
	"%s has %d rows where %d were expected":                                                                  "%s tiene %d filas donde se esperaban %d",
	"%s is free text; choose numbers or categories":                                                          "%s es texto libre; elija números o categorías",
	"%s is empty for every customer; leave it out":                                                           "%s está vacío para todos los clientes; exclúyalo",
	"%s has the same value for every customer, so it cannot separate groups; leave it out":                   "%s tiene el mismo valor para todos los clientes, así que no puede separar grupos; exclúyalo",
	"%s has %d categories, more than %d; group them first (e.g. a derived attribute) or leave it out":        "%s tiene %d categorías, más de %d; agrúpelas antes (p. ej. en un atributo derivado) o exclúyalo",
	"%s has negative values, so log(1 + x) is impossible; use plain standardisation":                         "%s tiene valores negativos, así que log(1 + x) es imposible; use la estandarización simple",
	"%s holds %d values that are not finite numbers":                                                         "%s contiene %d valores que no son números finitos",
	"%d customers are too few for %d clusters":                                                               "%d clientes son muy pocos para %d grupos",
	"only %d distinct customers for %d clusters; choose fewer clusters":                                      "solo %d clientes distintos para %d grupos; elija menos grupos",
	"cluster label %d is outside 0…%d":                                                                       "la etiqueta de grupo %d está fuera de 0…%d",
	"the silhouette needs at least 2 clusters and fewer clusters than customers (%d clusters, %d customers)": "la silueta necesita al menos 2 grupos y menos grupos que clientes (%d grupos, %d clientes)",
	"option %s is out of range (%d)":                                                                         "la opción %s está fuera de rango (%d)",
	"%d attributes are too many to cluster on; choose at most %d":                                            "%d atributos son demasiados para agrupar; elija como máximo %d",
}
