#include "analyze/archetypes.h"

#include <algorithm>
#include <initializer_list>

#include "analyze/text.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {
namespace {

// One archetype in DSL form.
//  triggers:  "phrase=weight, phrase=weight" (phrases as normalized lowercase words)
//  entities:  "Name|synonym|synonym*?(field, field:type!^, status:enum[a|b])" separated by ';'
//             '*' owned by the user who creates it, '?' only when the text names it, '@' its
//             fields fit this domain only (a hotel's Room), so no other text borrows them
//  relations: "A>B" one-to-many, "A*B" many-to-many, "A-B" one-to-one; separated by ';'
struct Def {
  const char* id;
  const char* label;
  const char* triggers;
  const char* entities;
  const char* relations;
  const char* features;
  const char* roles;
};

// clang-format off
const Def kDefs[] = {
{"social", "Social network",
 "social network=4, social media=4, social app=3, social platform=3, followers=2, follow other users=3, friends=1, feed=1, timeline=1",
 "Post*(content:text!, imageUrl:url); Comment*(body:text!); Like*(); Notification?(type!, message:text, read:boolean)",
 "Post>Comment; Post>Like; User*User", "", ""},
{"blog", "Blog / publishing",
 "blog=4, blogging=4, blog posts=3, personal blog=4",
 "Post|article|story*(title!, slug^, body:text!, status:enum[draft|published], publishedAt:datetime); Comment*(body:text!); Tag(name!^); Category(name!^)",
 "Post>Comment; Post*Tag; Category>Post", "", "author"},
{"news", "News / magazine",
 "news=3, newsroom=4, magazine=3, newspaper=4, news outlet=4, journalists=2",
 "Article|story|post*(title!, slug^, body:text!, status:enum[draft|published], publishedAt:datetime); Category(name!^); Tag(name!^); Comment*(body:text!)",
 "Category>Article; Article*Tag; Article>Comment", "", "editor,author"},
{"ecommerce", "E-commerce shop",
 "e commerce=4, ecommerce=4, online shop=4, online store=4, webshop=4, web shop=4, shop=2, store=1, storefront=3, shopping cart=3",
 "Product|item(name!, description:text, price:number!, sku^, stock:integer, imageUrl:url); Category(name!^); Order|purchase*(status:enum[pending|paid|shipped|delivered|cancelled]!, total:number!); OrderItem|line item(quantity:integer!, unitPrice:number!); Review*?(rating:integer!, comment:text); Cart|basket*?(); Inventory|stock?(quantity:integer!, location); Coupon|voucher?(code!^, discount:number!)",
 "Category>Product; Order>OrderItem; Product>OrderItem; Product>Review; Product>Inventory", "payments", "customer"},
{"marketplace", "Marketplace",
 "marketplace=4, buyers and sellers=4, sellers=2, buyers=2, peer to peer=2, listings=2, vendors=1",
 "Listing|offer|ad*(title!, description:text, price:number!, status:enum[active|sold|archived]); Category(name!^); Order|purchase|transaction*(status:enum[pending|paid|completed|cancelled]!, total:number!); Review*(rating:integer!, comment:text); Message*?(body:text!)",
 "Category>Listing; Listing>Order; Listing>Review", "payments", "buyer,seller"},
{"auction", "Auctions",
 "auction=4, auctions=4, bid=3, bids=3, bidding=3, bidder=3, bidders=3, ebay=4, highest bid=4, starting price=3, reserve price=3",
 "Lot|item|auction|listing*(title!, description:text, startingPrice:number!, currentPrice:number, startsAt:datetime!, endsAt:datetime!, status:enum[pending|active|closed]!, imageUrl:url); Bid*(amount:number!, placedAt:datetime!); Order|purchase*(status:enum[pending|sent|delivered]!, deliveryMethod:enum[pickup|post|courier], address)",
 "Lot>Bid; Lot>Order", "payments", "seller,bidder"},
{"booking", "Appointments / booking",
 "booking=3, bookings=3, appointment=3, appointments=3, reservations=2, salon=4, barber=4, book a=2, time slots=3, availability=2, spa=3",
 "Service(name!, durationMinutes:integer!, price:number); Provider|staff member|stylist|therapist(name!, bio:text); Booking|appointment|reservation*(startsAt:datetime!, endsAt:datetime, status:enum[pending|confirmed|cancelled|completed]!, notes:text); Availability|time slot?(dayOfWeek:integer!, startTime!, endTime!)",
 "Service>Booking; Provider>Booking; Provider>Availability", "scheduling", "provider,customer"},
{"healthcare", "Clinic / healthcare",
 "clinic=4, hospital=4, patients=3, doctors=3, healthcare=4, medical=2, telemedicine=4, ehr=4",
 "Patient(name!, dateOfBirth:date, phone, email:email); Doctor|physician(name!, specialty); Appointment|visit|consultation*(scheduledAt:datetime!, status:enum[scheduled|completed|cancelled]!, reason:text); Prescription?(medication!, dosage, instructions:text); MedicalRecord?(notes:text!, recordedAt:datetime)",
 "Patient>Appointment; Doctor>Appointment; Appointment>Prescription; Patient>MedicalRecord", "scheduling", "doctor,patient"},
{"education", "Learning / courses",
 "lms=4, learning platform=4, online courses=4, courses=2, e learning=4, elearning=4, students=2, lessons=2, quizzes=2",
 "Course(title!, description:text, published:boolean); Lesson(title!, content:text, position:integer); Enrollment*(enrolledAt:datetime, progress:integer); Quiz?(title!); Assignment?(title!, dueDate:date); Submission*?(content:text, grade:number)",
 "Course>Lesson; Course>Enrollment; Course>Quiz; Course>Assignment; Assignment>Submission", "", "instructor,student"},
{"school", "School management",
 "school=3, k 12=4, classes=1, homework=2, grades=2, attendance=2, pupils=3, teachers=2",
 "Student(firstName!, lastName!, dateOfBirth:date); Teacher(firstName!, lastName!, email:email); Class|course(name!, room); Enrollment(enrolledAt:date); Grade?(value:number!, comment:text); Attendance?(date:date!, present:boolean!)",
 "Teacher>Class; Class>Enrollment; Student>Enrollment; Student>Grade; Class>Grade; Student>Attendance", "", "teacher,student,parent"},
{"fintech", "Banking / personal finance",
 "bank=3, banking=4, fintech=4, wallet=2, transfers=2, budgeting=3, personal finance=4, expenses=2",
 "Account|bank account*@(name!, type:enum[checking|savings|credit]!, balance:number!, currency!); Transaction(amount:number!, type:enum[credit|debit|transfer]!, description, occurredAt:datetime!); Category?(name!^); Budget*?(name!, amount:number!, period:enum[monthly|yearly]); Transfer*?(amount:number!, status:enum[pending|completed|failed])",
 "Account>Transaction; Category>Transaction", "", ""},
{"logistics", "Logistics / shipping",
 "logistics=4, shipping=2, shipments=3, parcels=3, courier=2, deliveries=2, freight=4, tracking number=3",
 "Shipment|parcel|package(trackingNumber!^, status:enum[created|in_transit|delivered|returned]!, origin!, destination!, weight:number); Driver|courier(name!, phone); Vehicle(plateNumber!^, capacity:number); Route(name!); TrackingEvent?(status!, location, occurredAt:datetime!); Warehouse?(name!, address)",
 "Driver>Shipment; Vehicle>Route; Route>Shipment; Shipment>TrackingEvent", "", "driver,dispatcher"},
{"iot", "IoT / telemetry",
 "iot=4, sensors=3, sensor=2, telemetry=4, devices=1, readings=3, smart home=4",
 "Device(name!, serialNumber!^, type, status:enum[online|offline]); Sensor(name!, unit); Reading|measurement(value:number!, recordedAt:datetime!); Alert?(message!, severity:enum[info|warning|critical], triggeredAt:datetime)",
 "Device>Sensor; Sensor>Reading; Device>Alert", "realtime", ""},
{"crm", "CRM / sales",
 "crm=4, customer relationship=4, sales pipeline=4, leads=2, deals=3, contacts=1",
 "Contact(firstName!, lastName!, email:email, phone); Company|organization(name!, website:url); Deal|opportunity*(title!, value:number, stage:enum[lead|qualified|proposal|won|lost]!); Activity*?(type:enum[call|email|meeting]!, notes:text, dueAt:datetime); Note*?(body:text!)",
 "Company>Contact; Contact>Deal; Company>Deal; Contact>Activity", "", "sales"},
{"project", "Project management",
 "project management=4, task management=4, kanban=4, todo=2, to do=2, sprints=3, issue tracker=4, projects=1, tasks=2",
 "Project(name!, description:text, status:enum[active|archived]); Task|issue|ticket*(title!, description:text, status:enum[todo|in_progress|done]!, priority:enum[low|medium|high], dueDate:date); Comment*(body:text!); Label|tag?(name!^); Milestone|sprint?(name!, dueDate:date)",
 "Project>Task; Task>Comment; Task*Label; Project>Milestone; Milestone>Task", "", "manager,member"},
{"hr", "HR / people",
 "hr=4, human resources=4, employees=3, payroll=4, leave requests=4, hiring=1, personnel=3",
 "Employee(firstName!, lastName!, email:email^, jobTitle, hireDate:date); Department(name!^); LeaveRequest*(startDate:date!, endDate:date!, type:enum[vacation|sick|unpaid]!, status:enum[pending|approved|rejected]!); Payroll|payslip?(period!, grossPay:number!, netPay:number)",
 "Department>Employee; Employee>LeaveRequest; Employee>Payroll", "", "hr,manager,employee"},
{"library", "Library",
 "library=4, librarians=4, librarian=4, books=2, borrow=3, loans=2, lending=2",
 "Book(title!, isbn^, publishedYear:integer, copies:integer); Author(name!); Loan|borrowing*(borrowedAt:datetime!, dueDate:date!, returnedAt:datetime); Reservation|hold*?(reservedAt:datetime!, status:enum[active|fulfilled|cancelled])",
 "Author*Book; Book>Loan; Book>Reservation", "", "librarian,member"},
{"fitness", "Fitness / gym",
 "fitness=4, gym=4, workouts=3, workout=3, exercises=2, training plans=3, personal trainer=3",
 "Workout*(name!, performedAt:datetime, durationMinutes:integer); Exercise(name!, muscleGroup); WorkoutExercise(sets:integer, reps:integer, weight:number); Goal*?(description!, targetDate:date); Membership?(plan!, startsAt:date, endsAt:date)",
 "Workout>WorkoutExercise; Exercise>WorkoutExercise", "", "trainer,member"},
{"chat", "Chat / messaging",
 "chat=4, messaging=4, messenger=4, direct messages=3, group chats=3, slack=2, conversations=2",
 "Conversation|channel|room(name, isGroup:boolean); Message*(body:text!, sentAt:datetime); Attachment?(url:url!, fileName)",
 "Conversation>Message; Conversation*User; Message>Attachment", "realtime", ""},
{"ticketing", "Helpdesk / support tickets",
 "helpdesk=4, help desk=4, support tickets=4, ticketing=3, customer support=3, service desk=4, tickets=1",
 "Ticket*@(subject!, description:text!, status:enum[open|pending|resolved|closed]!, priority:enum[low|normal|high|urgent]); Comment|reply*(body:text!, internal:boolean); Attachment?(url:url!, fileName)",
 "Ticket>Comment; Ticket>Attachment", "", "agent,customer"},
{"inventory", "Inventory / warehouse",
 "inventory=3, warehouse=3, stock levels=4, stock=1, warehouses=3, suppliers=2, purchase orders=3",
 "Product|item(name!, sku!^, description:text, unitPrice:number); Warehouse(name!, location); StockLevel|stock(quantity:integer!); StockMovement?(quantity:integer!, type:enum[in|out|adjustment]!, reason); Supplier(name!, email:email, phone); PurchaseOrder*?(status:enum[draft|ordered|received]!, orderedAt:datetime)",
 "Product>StockLevel; Warehouse>StockLevel; Product>StockMovement; Supplier>PurchaseOrder; Supplier>Product", "", "manager,staff"},
{"events", "Events / conferences",
 "events=2, event management=4, conference=3, conferences=3, meetup=3, meetups=3, rsvp=3, attendees=2, venues=2, "
 "event ticketing=5, sell tickets=3, ticket sales=3, concerts=3, concert=2, festivals=3, festival=2, organisers=2, "
 "organizers=2",
 "Event*(title!, description:text, startsAt:datetime!, endsAt:datetime, capacity:integer); Venue(name!, address); Registration|rsvp|attendee*(status:enum[going|waitlisted|cancelled]!); Speaker?(name!, bio:text); Session?(title!, startsAt:datetime); TicketType?(name!, price:number!, quantity:integer); Ticket*?(code!^, price:number, status:enum[valid|checked_in|refunded]!)",
 "Venue>Event; Event>Registration; Event>Session; Speaker*Session; Event>TicketType; TicketType>Ticket", "", "organizer,attendee"},
{"restaurant", "Restaurant",
 "restaurant=4, menu=2, dishes=3, tables=1, cafe=3, food ordering=3, kitchen=2, table reservations=4, waitlist=1",
 "MenuItem|dish(name!, description:text, price:number!, available:boolean); MenuCategory|category(name!^); Table(number:integer!^, seats:integer); Reservation*(partySize:integer!, reservedAt:datetime!, status:enum[booked|seated|cancelled]); Order*(status:enum[open|preparing|served|paid]!, total:number); OrderItem(quantity:integer!, notes)",
 "MenuCategory>MenuItem; Table>Reservation; Table>Order; Order>OrderItem; MenuItem>OrderItem", "", "staff,customer"},
{"realestate", "Real estate",
 "real estate=4, realestate=4, properties=2, property listings=4, realtor=4, apartments=2, landlords=3, rentals=2, houses=2",
 "Property|house|apartment|home|listing(title!, address!, price:number!, bedrooms:integer, bathrooms:integer, type:enum[house|apartment|condo|land], status:enum[for_sale|for_rent|sold|rented]); Agent|realtor(name!, phone, email:email); PropertyImage|photo(url:url!, caption); Viewing|showing*(scheduledAt:datetime!); Inquiry*?(message:text!)",
 "Agent>Property; Property>PropertyImage; Property>Viewing; Property>Inquiry", "file_uploads", "agent,buyer"},
{"forum", "Forum / community",
 "forum=4, forums=4, discussion board=4, threads=2, topics=1, community=1",
 "Category(name!^, description:text); Thread|topic*(title!, pinned:boolean, locked:boolean); Post|reply*(body:text!); Like*?()",
 "Category>Thread; Thread>Post; Post>Like", "", "moderator,member"},
{"recipe", "Recipes / cooking",
 "recipe=4, recipes=4, cooking=3, meal planning=4, ingredients=2",
 "Recipe*(title!, instructions:text, prepMinutes:integer, servings:integer); Ingredient(name!^); RecipeIngredient(quantity:number, unit); Category|tag(name!^); Review*?(rating:integer!, comment:text)",
 "Recipe>RecipeIngredient; Ingredient>RecipeIngredient; Recipe*Category; Recipe>Review", "", ""},
{"music", "Music streaming",
 "music=3, songs=3, playlists=3, streaming music=4, albums=2, artists=2, spotify=3",
 "Artist(name!, bio:text); Album(title!, releaseDate:date, coverUrl:url); Track|song(title!, durationSeconds:integer, audioUrl:url); Playlist*(name!, public:boolean)",
 "Artist>Album; Album>Track; Playlist*Track", "file_uploads", "artist,listener"},
{"video", "Video sharing",
 "video sharing=4, videos=3, youtube=3, streaming=1, channels=1",
 "Video*(title!, description:text, videoUrl:url!, durationSeconds:integer); Channel*(name!, description:text); Comment*(body:text!); Like*?()",
 "Channel>Video; Video>Comment; Video>Like; User*Channel", "file_uploads", "creator,viewer"},
{"jobs", "Job board / recruiting",
 "job board=4, job postings=4, recruiting=3, recruitment=3, applicants=3, hiring=2, job offers=3, vacancies=3, candidates=2",
 "Company|employer(name!, website:url); Job|job posting|vacancy|position@(title!, description:text, location, salaryMin:number, salaryMax:number, type:enum[full_time|part_time|contract]); Application*@(status:enum[applied|interviewing|offered|rejected|hired]!, coverLetter:text, resumeUrl:url)",
 "Company>Job; Job>Application", "file_uploads", "employer,candidate"},
{"travel", "Travel planning",
 "travel=3, trips=3, itinerary=3, itineraries=3, travel planning=4, vacation=2, destinations=2",
 "Trip*(name!, startDate:date, endDate:date); Destination|place(name!, country); ItineraryItem(title!, startsAt:datetime, notes:text); Booking*?(type:enum[flight|hotel|car|activity]!, confirmationNumber, cost:number)",
 "Trip>ItineraryItem; Destination>ItineraryItem; Trip>Booking", "", ""},
{"hotel", "Hotel / lodging",
 "hotel=4, hotels=4, rooms=2, guesthouse=4, hostel=4, check in=1, lodging=3",
 "Hotel(name!, address); Room@(number!, type:enum[single|double|suite], pricePerNight:number!); Guest(name!, email:email, phone); Reservation|booking*(checkIn:date!, checkOut:date!, status:enum[booked|checked_in|checked_out|cancelled]!)",
 "Hotel>Room; Room>Reservation; Guest>Reservation", "scheduling", "receptionist,guest"},
{"rides", "Ride sharing",
 "ride sharing=4, ride hailing=4, rideshare=4, taxi=3, rides=3, uber=3",
 "Ride*(pickupLocation!, dropoffLocation!, status:enum[requested|accepted|in_progress|completed|cancelled]!, fare:number, requestedAt:datetime); Driver(name!, licenseNumber); Vehicle(plateNumber!^, model); Rating*?(score:integer!, comment:text)",
 "Driver>Ride; Driver>Vehicle; Ride>Rating", "realtime", "rider,driver"},
{"gig", "On-demand services",
 "on demand services=4, on demand service=4, handyman=3, handymen=3, odd jobs=3, gig economy=3, gig workers=3",
 "Provider|pro|tasker|freelancer(name!, bio:text, hourlyRate:number, rating:number, available:boolean); Booking|job|service request*(description:text, address, scheduledAt:datetime!, status:enum[requested|accepted|in_progress|completed|cancelled]!, price:number); Review*(rating:integer!, comment:text)",
 "Provider>Booking; Booking>Review", "payments,scheduling", "provider,customer"},
{"stays", "Vacation rentals",
 "vacation rentals=4, vacation rental=4, holiday rentals=4, holiday lets=4, short term rentals=4, hosts and guests=3",
 "Listing|property|place|stay*(title!, description:text, location!, pricePerNight:number!, maxGuests:integer); Booking|reservation*(startDate:date!, endDate:date!, guests:integer, totalPrice:number, status:enum[requested|confirmed|cancelled|completed]!); Review*(rating:integer!, comment:text); Amenity?(name!^)",
 "Listing>Booking; Listing>Review; Listing*Amenity", "payments,scheduling", "host,guest"},
{"splitting", "Shared expenses",
 "shared expenses=4, split expenses=4, splitting expenses=4, expense splitting=4, split bills=4, splitwise=4, settle up=3, who owes=3, roommates=2, flatmates=2, settlements=2",
 "ExpenseGroup|group|household|trip(name!, currency); Expense*(description!, amount:number!, paidAt:date, category); ExpenseSplit|split|share(amount:number!); Settlement*(amount:number!, settledAt:datetime)",
 "ExpenseGroup>Expense; Expense>ExpenseSplit; ExpenseGroup>Settlement; User*ExpenseGroup", "", ""},
{"newsletter", "Newsletters / email campaigns",
 "newsletter=4, newsletters=4, email campaigns=4, mailing list=4, mailing lists=4, email marketing=4, subscribers=2, mailchimp=4",
 "Subscriber(email:email!^, name, status:enum[subscribed|unsubscribed|bounced]!); MailingList|list(name!); Campaign*@(subject!, body:text, status:enum[draft|scheduled|sent]!, sentAt:datetime); CampaignEvent?(type:enum[open|click|bounce|unsubscribe]!, occurredAt:datetime!)",
 "MailingList*Subscriber; MailingList>Campaign; Campaign>CampaignEvent; Subscriber>CampaignEvent", "email", ""},
{"delivery", "Food delivery",
 "food delivery=4, delivery app=3, couriers=2, takeaway=3, takeout=3, restaurants=2",
 "Restaurant(name!, address!); MenuItem|dish(name!, price:number!); Order*(status:enum[placed|preparing|on_the_way|delivered|cancelled]!, total:number!, deliveryAddress); OrderItem(quantity:integer!); Courier|driver(name!, phone)",
 "Restaurant>MenuItem; Restaurant>Order; Order>OrderItem; MenuItem>OrderItem; Courier>Order", "realtime", "customer,courier"},
{"crowdfunding", "Crowdfunding / donations",
 "crowdfunding=4, fundraising=4, donations=3, donors=3, campaigns=2, charity=3, nonprofit=3",
 "Campaign*@(title!, description:text, goalAmount:number!, deadline:date); Donation|pledge*(amount:number!, message:text); Reward?(title!, minimumAmount:number!)",
 "Campaign>Donation; Campaign>Reward", "payments", "donor"},
{"survey", "Surveys / forms",
 "survey=4, surveys=4, questionnaire=4, questionnaires=4, polls=2, form builder=4",
 "Survey*(title!, description:text, published:boolean); Question(text:text!, type:enum[text|single_choice|multiple_choice|rating]!, position:integer); Option|choice(label!); Response*(submittedAt:datetime); Answer(value:text)",
 "Survey>Question; Question>Option; Survey>Response; Response>Answer; Question>Answer", "", ""},
{"wiki", "Wiki / knowledge base",
 "wiki=4, knowledge base=4, documentation=2, confluence=3, notion=3",
 "Space|workspace(name!, description:text); Page|document|article*(title!, content:text!, published:boolean); Revision*(content:text!); Comment*?(body:text!)",
 "Space>Page; Page>Revision; Page>Comment", "search", "editor,viewer"},
{"todo", "To-do / notes",
 "todo list=4, to do list=4, todo app=4, notes app=4, note taking=4, checklist=2, reminders=2",
 "TaskList|list*(name!); Task|todo|item*(title!, done:boolean!, dueDate:date); Tag?(name!^); Note*?(title!, content:text)",
 "TaskList>Task; Task*Tag", "", ""},
{"shortener", "URL shortener",
 "url shortener=5, link shortener=5, short links=4, shortener=4",
 "Link*(url:url!, slug!^, clicks:integer); Click(referrer, userAgent, clickedAt:datetime!)",
 "Link>Click", "rate_limiting", ""},
{"files", "File sharing",
 "file sharing=4, file storage=3, dropbox=3, cloud storage=3, share files=4",
 "Folder*(name!); File*(name!, url:url!, sizeBytes:integer, mimeType); Share?(permission:enum[view|edit]!)",
 "Folder>File; Folder>Folder; File>Share", "file_uploads", ""},
{"podcast", "Podcasts",
 "podcast=4, podcasts=4, episodes=2",
 "Podcast|show|podcast show(title!, description:text, coverUrl:url); Episode(title!, audioUrl:url!, publishedAt:datetime, durationSeconds:integer)",
 "Podcast>Episode; User*Podcast", "file_uploads", "creator,listener"},
{"vet", "Veterinary clinic",
 "veterinary=4, vet clinic=4, vets=2, pets=3, animals=2",
 "Owner|client|pet owner(name!, phone, email:email); Pet|animal(name!, species!, breed, birthDate:date); Visit|appointment|consultation*(visitedAt:datetime!, reason:text, notes:text); Vaccination?(vaccine!, givenAt:date!, nextDue:date)",
 "Owner>Pet; Pet>Visit; Pet>Vaccination", "scheduling", "vet,receptionist"},
{"legal", "Legal case management",
 "law firm=4, legal=3, lawyers=3, attorneys=3, cases=1, case management=3",
 "Client(name!, email:email, phone); Case|matter(title!, description:text, status:enum[open|closed]); Lawyer|attorney(name!, email:email); Document?(title!, url:url); Hearing?(scheduledAt:datetime!, notes:text)",
 "Client>Case; Lawyer>Case; Case>Document; Case>Hearing", "", "lawyer,client"},
{"insurance", "Insurance",
 "insurance=4, policies=2, claims=3, policyholders=4, premiums=3",
 "PolicyHolder|insured|customer(name!, email:email); Policy(number!^, type, premium:number!, startDate:date!, endDate:date); Claim*(amount:number!, status:enum[submitted|in_review|approved|rejected|paid]!, incidentDate:date, description:text)",
 "PolicyHolder>Policy; Policy>Claim", "", "agent,adjuster,customer"},
{"rental", "Car / equipment rental",
 "car rental=5, rent a car=4, rentals=2, equipment rental=4, rent out=2",
 "Vehicle|car|item(make!, model!, plateNumber^, dailyRate:number!); Rental|booking*(startDate:date!, endDate:date!, totalPrice:number, status:enum[reserved|active|returned|cancelled]!)",
 "Vehicle>Rental", "payments", "customer"},
{"sports", "Sports league",
 "league=3, leagues=3, tournament=3, tournaments=3, fixtures=3, standings=2, sports=2",
 "League(name!); Season(name!, startDate:date); Team(name!); Player(name!, position); Match|game|fixture(scheduledAt:datetime!, homeScore:integer, awayScore:integer)",
 "League>Season; Season>Match; Team>Player; Team*Season", "", "coach,player"},
{"church", "Church / membership",
 "church=4, congregation=4, parish=4, ministry=3",
 "Member|person|congregant(firstName!, lastName!, email:email, phone); Family|household(name!); Donation|gift(amount:number!, date:date!); Fund(name!); Event(title!, startsAt:datetime)",
 "Family>Member; Member>Donation; Fund>Donation; Event*Member", "", "staff"},
{"timetracking", "Time tracking",
 "time tracking=5, timesheets=4, timesheet=4, billable hours=4, track time=4",
 "Client|customer(name!); Project(name!, hourlyRate:number); TimeEntry|timesheet*(startedAt:datetime!, endedAt:datetime, durationMinutes:integer, description:text, billable:boolean); Invoice?(number!^, total:number, status:enum[draft|sent|paid])",
 "Client>Project; Project>TimeEntry; Client>Invoice", "", "manager"},
{"invoicing", "Invoicing",
 "invoicing=4, invoices=3, invoice=2, billing=2, quotes=2",
 "Client|customer(name!, email:email); Invoice*(number!^, issueDate:date!, dueDate:date, status:enum[draft|sent|paid|overdue]!, total:number!); InvoiceItem|line item(description!, quantity:integer!, unitPrice:number!); Payment?(amount:number!, paidAt:datetime!)",
 "Client>Invoice; Invoice>InvoiceItem; Invoice>Payment", "", "accountant"},
{"saas", "Subscriptions / SaaS billing",
 "subscriptions=3, subscription plans=4, saas=2, recurring billing=4, plans=1, tiers=2",
 "Plan|tier(name!^, price:number!, interval:enum[monthly|yearly]!); Subscription*(status:enum[trialing|active|past_due|canceled]!, startedAt:datetime!, currentPeriodEnd:datetime); Invoice?(amount:number!, status:enum[open|paid|void]!)",
 "Plan>Subscription; Subscription>Invoice", "payments", "customer"},
{"uptime", "Uptime monitoring",
 "uptime=5, uptime monitoring=5, status page=4, health checks=3, monitors=2, downtime=3, pings=2",
 "Monitor*(name!, url:url!, intervalSeconds:integer!, status:enum[up|down|paused]!); Check|ping(statusCode:integer, responseTimeMs:integer, up:boolean!, checkedAt:datetime!); Incident(startedAt:datetime!, resolvedAt:datetime, cause:text); AlertContact|contact?(type:enum[email|sms|webhook]!, target!)",
 "Monitor>Check; Monitor>Incident; Monitor*AlertContact", "notifications,scheduling", ""},
{"security", "Security operations (SOC)",
 "soc=4, security operations=4, alerts=2, incidents=2, siem=4, threat=2, analysts=2, triage=3",
 "Alert(title!, severity:enum[low|medium|high|critical]!, source, status:enum[new|investigating|resolved|false_positive]!, detectedAt:datetime); Incident*(title!, severity:enum[low|medium|high|critical]!, status:enum[open|contained|closed]!, summary:text); Asset(hostname!, ipAddress, owner); Comment|note*?(body:text!)",
 "Incident>Alert; Asset>Alert; Incident>Comment", "audit_log", "analyst"},
{"pentest", "Penetration-test reporting",
 "pentest=5, penetration test=5, penetration testing=5, pen test=5, findings=2, vulnerabilities=3",
 "Client|customer(name!); Engagement|project(name!, scope:text, startDate:date, endDate:date); Finding*(title!, severity:enum[info|low|medium|high|critical]!, cvssScore:number, description:text, remediation:text, status:enum[open|fixed|accepted]); Report(title!, version:integer); Evidence|screenshot?(url:url!, caption)",
 "Client>Engagement; Engagement>Finding; Engagement>Report; Finding>Evidence", "file_uploads", "tester,client"},
{"passwords", "Password manager",
 "password manager=5, password managers=5, password vault=5, credential vault=4, encrypted vault=4, vault items=3",
 "Vault*(name!); VaultItem*(title!, username, encryptedSecret:text!, url:url, notes:text); Folder?(name!); VaultShare?(permission:enum[read|edit]!)",
 "Vault>VaultItem; Folder>VaultItem; Vault>VaultShare", "audit_log", ""},
{"locationsharing", "Location sharing",
 "location sharing=5, share location=4, share their location=4, share his location=4, share her location=4, share my location=4, share locations=4, lost phone=4, find my phone=4",
 "Circle*(name!); CircleMember(role:enum[owner|member]!, sharing:boolean!); LocationUpdate(latitude:number!, longitude:number!, recordedAt:datetime!)",
 "Circle>CircleMember; User>CircleMember; User>LocationUpdate", "realtime,notifications", ""},
{"pricetracking", "Price tracking",
 "price tracker=5, price tracking=5, price monitoring=5, competitor prices=4, price history=4, price alerts=4, product prices=3",
 "Product(name!, url:url!, sku); Competitor(name!, url:url); PriceSnapshot(price:number!, currency, observedAt:datetime!); PriceAlert*?(targetPrice:number!, active:boolean)",
 "Product>PriceSnapshot; Competitor>PriceSnapshot; Product>PriceAlert", "scheduling,notifications", ""},
{"parental", "Parental controls",
 "parental controls=5, parental control=5, screen time=4, kids=2, children=2",
 "Child|kid(name!, birthYear:integer); Device(name!, platform); Rule|restriction(type:enum[app_limit|bedtime|content_filter]!, value, active:boolean); ActivityReport?(date:date!, minutesUsed:integer)",
 "Child>Device; Child>Rule; Child>ActivityReport", "notifications", "parent"},
{"fleet", "Fleet / vehicle tracking",
 "fleet=4, fleet tracking=5, gps tracking=4, vehicles=2, telematics=4",
 "Vehicle(plateNumber!^, make, model, vin^); Driver(name!, licenseNumber); Position|location(latitude:number!, longitude:number!, speed:number, recordedAt:datetime!); Trip?(startedAt:datetime!, endedAt:datetime, distanceKm:number); Geofence?(name!, area:text!)",
 "Vehicle>Position; Driver*Vehicle; Vehicle>Trip", "realtime", "dispatcher,driver"},
{"photos", "Photo sharing",
 "photo sharing=5, photos=2, instagram=3, galleries=3, albums=1",
 "Photo*(url:url!, caption); Album*(title!); Comment*(body:text!); Like*?()",
 "Album*Photo; Photo>Comment; Photo>Like", "file_uploads", ""},
{"dating", "Dating",
 "dating=5, matchmaking=4, swipe=3",
 "Profile*(displayName!, bio:text, birthDate:date, gender); Like|swipe*(liked:boolean!); Match(matchedAt:datetime!); Message*(body:text!)",
 "Profile>Like; Match>Message", "realtime", ""},
};
// clang-format on

std::vector<std::string> SplitTop(std::string_view s, char sep) {
  std::vector<std::string> out;
  int depth = 0;
  std::string cur;
  for (char c : s) {
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (c == sep && depth == 0) {
      out.push_back(Trim(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!Trim(cur).empty()) out.push_back(Trim(cur));
  return out;
}

ArchField ParseField(std::string f) {
  ArchField out;
  while (!f.empty() && (f.back() == '!' || f.back() == '^')) {
    if (f.back() == '!') out.required = true;
    else out.unique = true;
    f.pop_back();
  }
  auto colon = f.find(':');
  out.name = Trim(f.substr(0, colon));
  if (colon != std::string::npos) {
    std::string type = Trim(f.substr(colon + 1));
    if (StartsWith(type, "enum[")) {
      out.type = spec::FieldType::kEnum;
      out.enumValues = Split(type.substr(5, type.size() - 6), '|');
    } else if (auto t = spec::ParseFieldType(type)) {
      out.type = *t;
    }
  }
  return out;
}

Archetype Parse(const Def& d) {
  Archetype a;
  a.id = d.id;
  a.label = d.label;
  for (const auto& t : SplitTop(d.triggers, ',')) {
    auto eq = t.find('=');
    a.triggers.emplace_back(Trim(t.substr(0, eq)), std::stoi(t.substr(eq + 1)));
  }
  for (const auto& e : SplitTop(d.entities, ';')) {
    ArchEntity ent;
    auto paren = e.find('(');
    std::string head = e.substr(0, paren);
    while (!head.empty() && (head.back() == '*' || head.back() == '?' || head.back() == '@')) {
      if (head.back() == '*') ent.owned = true;
      else if (head.back() == '?') ent.optional = true;
      else ent.domainBound = true;
      head.pop_back();
    }
    auto names = Split(head, '|');
    ent.name = Trim(names[0]);
    ent.synonyms.push_back(naming::ToLowerWords(ent.name));
    for (size_t i = 1; i < names.size(); ++i) ent.synonyms.push_back(Trim(names[i]));
    if (paren != std::string::npos) {
      std::string body = e.substr(paren + 1, e.rfind(')') - paren - 1);
      for (const auto& f : SplitTop(body, ',')) ent.fields.push_back(ParseField(f));
    }
    a.entities.push_back(std::move(ent));
  }
  for (const auto& r : SplitTop(d.relations, ';')) {
    ArchRelation rel;
    size_t op = r.find_first_of(">*-");
    rel.from = Trim(r.substr(0, op));
    rel.to = Trim(r.substr(op + 1));
    rel.kind = r[op] == '>' ? spec::RelationKind::kOneToMany
               : r[op] == '*' ? spec::RelationKind::kManyToMany
                              : spec::RelationKind::kOneToOne;
    a.relations.push_back(rel);
  }
  for (const auto& f : SplitTop(d.features, ',')) {
    if (auto feat = spec::ParseFeature(f)) a.features.push_back(*feat);
  }
  for (const auto& r : SplitTop(d.roles, ',')) a.roles.push_back(r);
  return a;
}

}  // namespace

const std::vector<Archetype>& Archetypes() {
  static const std::vector<Archetype> all = [] {
    std::vector<Archetype> out;
    for (const auto& d : kDefs) out.push_back(Parse(d));
    return out;
  }();
  return all;
}

const Archetype* FindArchetype(std::string_view id) {
  for (const auto& a : Archetypes()) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

std::vector<ArchetypeMatch> MatchArchetypes(std::string_view text) {
  std::vector<ArchetypeMatch> out;
  std::string plain(text);
  // Words that name a different kind of thing before an archetype's trigger are rewritten first;
  // each rewrite is looked for only when its key word occurs at all.
  // " food bank " -> " food store " for each kind and each form of the word (a rewrite may share its
  // last space with the next occurrence).
  auto rewrite = [&plain](std::initializer_list<std::string_view> kinds,
                          std::initializer_list<std::string_view> forms, std::string_view as) {
    for (std::string_view kind : kinds) {
      for (std::string_view form : forms) {
        const std::string from = " " + std::string(kind) + " " + std::string(form) + " ";
        const std::string to = " " + std::string(kind) + " " + std::string(as) + " ";
        for (size_t at = plain.find(from); at != std::string::npos; at = plain.find(from, at + to.size() - 1)) {
          plain.replace(at, from.size(), to);
        }
      }
    }
  };
  // "a food bank", "the blood bank", "a seed bank": a bank of things is no bank of money.
  if (plain.find(" bank") != std::string::npos) {
    rewrite({"food", "blood", "seed", "milk", "diaper", "nappy", "tool", "time", "question", "memory", "power",
             "sperm", "clothing", "clothes", "toy", "book", "gene", "river", "piggy", "data", "image", "photo",
             "sound"},
            {"bank", "banks"}, "store");
  }
  // "a library of sheet music", "the tool library": a collection of things other than books is no
  // lending library of books.
  if (plain.find(" librar") != std::string::npos) {
    for (size_t at = plain.find(" library of "); at != std::string::npos; at = plain.find(" library of ", at + 1)) {
      const std::string_view rest = std::string_view(plain).substr(at + 12);
      if (!rest.starts_with("book") && !rest.starts_with("ebook") && !rest.starts_with("e-book")) {
        plain.replace(at, 12, " collection of ");
      }
    }
    rewrite({"tool", "toy", "seed", "game", "music", "photo", "media", "video", "component", "prompt", "template",
             "design", "sound", "sample", "icon", "font"},
            {"library", "libraries"}, "collection");
  }
  // ("a repair cafe", "a language cafe": a meetup, not a restaurant.)
  if (plain.find(" cafe") != std::string::npos || plain.find(" café") != std::string::npos) {
    for (std::string_view kind : {" repair cafe", " repair café", " language cafe", " death cafe"}) {
      for (size_t at = plain.find(kind); at != std::string::npos; at = plain.find(kind, at + 1)) {
        plain.replace(at, kind.size(), std::string(kind.substr(0, kind.find(' ', 1))) + " meetup");
      }
    }
  }
  PhraseIndex norm(plain);
  for (const auto& a : Archetypes()) {
    int score = 0;
    for (const auto& [phrase, w] : a.triggers) {
      if (norm.Has(phrase)) score += w;
    }
    if (score > 0) out.push_back({&a, score});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.score > y.score; });
  return out;
}

const ArchEntity* KnownEntity(std::string_view pascal_name) {
  for (const auto& a : Archetypes()) {
    for (const auto& e : a.entities) {
      if (e.name == pascal_name) return &e;
    }
  }
  return nullptr;
}

const ArchEntity* KnownEntityIn(std::string_view pascal_name, const std::vector<ArchetypeMatch>& matches) {
  for (const auto& m : matches) {
    if (m.score < 3) break;  // (a passing word such as "rooms" in a conference text is no hotel)
    for (const auto& e : m.archetype->entities) {
      if (e.name == pascal_name) return &e;
    }
  }
  const ArchEntity* known = KnownEntity(pascal_name);
  return known && !known->domainBound ? known : nullptr;
}

}  // namespace bf::analyze
