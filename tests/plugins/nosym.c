/* A shared object that is no plugin: it lacks the entry point. */
int not_a_plugin(void);

int
not_a_plugin(void)
{
	return 0;
}
