/** Onboarding prompts shown in an empty conversation. */
export const EXAMPLES = [
  { title: 'E-commerce backend with inventory', text: 'An e-commerce backend with products, categories, inventory per warehouse, carts and orders. Customers place orders; admins manage products and stock.' },
  { title: 'Blog with comments and tags', text: 'A blog backend: authors write posts with tags, readers comment on posts, admins moderate comments.' },
  { title: 'Clinic appointments', text: 'A clinic backend where patients book appointments with doctors, doctors write visit notes, and receptionists manage the schedule.' },
  { title: 'Social media with notifications', text: 'A social media backend with user authentication, posts, likes, follows and real-time notifications.' },
  { title: 'Team task tracker', text: 'A task tracker: teams have projects, projects have tasks with assignees, due dates and status; members comment on tasks.' },
];
