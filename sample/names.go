package sample

import "strings"

// Name lists for a Spanish-speaking city. Customers' names are drawn from
// them; e-mail addresses use their unaccented forms.

var femaleNames = []string{
	"María", "Carmen", "Ana", "Laura", "Isabel", "Lucía", "Marta", "Elena", "Paula", "Cristina",
	"Sara", "Pilar", "Rosa", "Raquel", "Sofía", "Beatriz", "Julia", "Alba", "Silvia", "Patricia",
	"Teresa", "Nuria", "Irene", "Claudia", "Andrea", "Mercedes", "Dolores", "Montserrat", "Rocío", "Inés",
	"Lorena", "Natalia", "Alicia", "Eva", "Noelia", "Valeria", "Carla", "Martina", "Daniela", "Encarnación",
}

var maleNames = []string{
	"Antonio", "José", "Manuel", "Francisco", "David", "Juan", "Javier", "Daniel", "Carlos", "Jesús",
	"Alejandro", "Miguel", "Rafael", "Pedro", "Pablo", "Ángel", "Sergio", "Fernando", "Jorge", "Luis",
	"Alberto", "Álvaro", "Diego", "Adrián", "Raúl", "Enrique", "Ramón", "Vicente", "Iván", "Rubén",
	"Óscar", "Andrés", "Joaquín", "Santiago", "Hugo", "Mario", "Marcos", "Gonzalo", "Emilio", "Tomás",
}

var otherNames = []string{"Alex", "Noa", "Ariel", "Sasha", "Eider", "Cruz"}

var surnames = []string{
	"García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
	"Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez",
	"Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina",
	"Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez",
	"Iglesias", "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto",
	"Méndez", "Cruz", "Calvo", "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña", "Flores",
}

var streets = []string{
	"Calle Mayor", "Calle de Alcalá", "Avenida de la Constitución", "Calle del Sol", "Calle Real",
	"Paseo de la Estación", "Calle de la Paz", "Calle San Juan", "Calle Nueva", "Avenida de América",
	"Calle del Carmen", "Calle de la Iglesia", "Plaza de España", "Calle del Río", "Calle Ancha",
	"Calle de Cervantes", "Avenida del Puerto", "Calle de las Flores", "Calle Goya", "Calle Velázquez",
	"Ronda de Segovia", "Calle del Olivo", "Calle de la Luna", "Avenida de Europa", "Calle Toledo",
	"Calle de la Fuente", "Camino del Molino", "Calle de los Almendros", "Calle Jardines", "Paseo del Prado",
}

// Neighbourhood names; the generator uses them in order.
var neighbourhoodNames = []string{
	"Centro Histórico", "Sol", "Catedral", "Mercado", "Universidad", "Arenal", "La Judería",
	"Las Lomas", "El Pinar", "Valdeolivos", "Prado Norte", "Fuentelarreyna", "Montecarmelo", "La Ermita",
	"Los Almendros", "Santa Clara", "Ciudad Jardín", "El Molino", "Las Cañas", "Barrio Alto", "Tres Cruces",
	"Puerta del Este", "La Estación", "San Blas", "Canillejas", "El Salvador", "Las Rosas", "Simancas",
	"La Fábrica", "Los Olivos", "Vallecas Viejo", "Entrevías", "Palomeras", "San Diego", "El Pozo",
	"La Ribera", "Puente Viejo", "San Fermín", "Orcasitas", "Los Rosales", "Villaverde Bajo", "El Espinillo",
	"Campo Real", "Aluche", "Las Águilas", "Lucero", "Buenavista", "Opañel", "Carabanchel Alto",
	"Parque Oeste", "Los Cármenes", "Casa de Campo", "Aravaca", "Valdezarza", "El Plantío", "Argüelles",
	"Puerta de Hierro", "Mirasierra", "Peñagrande", "Las Tablas", "Los Arcos", "El Viso", "Chamartín Alto",
	"Nueva España",
}

// Domains of e-mail addresses, with their shares.
var emailDomains = []string{"gmail.com", "hotmail.com", "yahoo.es", "outlook.com", "telefonica.net", "icloud.com"}
var emailDomainWeights = []float64{0.46, 0.22, 0.08, 0.12, 0.06, 0.06}

var unaccent = strings.NewReplacer(
	"á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ü", "u", "ñ", "n",
	"Á", "a", "É", "e", "Í", "i", "Ó", "o", "Ú", "u", "Ñ", "n",
)

// mailName is the lower-case, unaccented, space-free form of a name.
func mailName(s string) string {
	return strings.ReplaceAll(strings.ToLower(unaccent.Replace(s)), " ", "")
}
